using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Target;

namespace Bitrix24.Generator.Building;

/// <summary>
/// The one step that sees every spec file: checks what files must agree on (one declaration per
/// method, enum and naming word; one status per error code), chooses every C# name, and cuts the
/// result into <see cref="EmitUnit"/>s. It re-runs on any spec change and is cheap; the units it
/// returns are values, so files whose unit did not change are not emitted again.
/// </summary>
internal sealed class SdkModelBuilder
{
    private const string RootNamespace = "Bitrix24";

    /// <summary>Members of the hand-written <c>Bitrix24Client</c> (and of object) a scope property must not take.</summary>
    internal static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal)
        { "CallAsync", "CallForResultAsync", "CreateBatch", "Dispose", "OAuthTokens", "ToString", "Equals", "GetHashCode", "GetType" };

    /// <summary>Public members of the hand-written <c>Bitrix24Batch</c> (and of object) a scope property must not take.</summary>
    internal static readonly HashSet<string> BatchMembers = new(StringComparer.Ordinal)
        { "Add", "Count", "ExecuteAsync", "Halt", "IsExecuted", "Items", "MaxCommandsPerCall", "ToString", "Equals", "GetHashCode", "GetType" };

    /// <summary>Members of object a request property would hide.</summary>
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
        { "ToString", "Equals", "GetHashCode", "GetType" };

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly CancellationToken _cancellationToken;
    private readonly GenerationTarget _target;
    private readonly ReferencedApi _referenced;
    private CSharpNames _names = new(new Dictionary<string, string>());

    /// <summary>
    /// <see cref="PascalSegments"/> by method name: every method's segments are needed by several
    /// checks and for its group classes. The arrays are shared, so nobody may change one.
    /// </summary>
    private readonly Dictionary<string, string[]> _segments = new(StringComparer.Ordinal);

    private SdkModelBuilder(GenerationTarget target, ReferencedApi referenced, CancellationToken cancellationToken)
    {
        _target = target;
        _referenced = referenced;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds the SDK itself (the generator tests' default).</summary>
    public static SdkModel Build(ImmutableArray<SpecFile> files, CancellationToken cancellationToken) =>
        Build(files, GenerationTarget.Sdk, ReferencedApi.None, cancellationToken);

    public static SdkModel Build(ImmutableArray<SpecFile> files, GenerationTarget target, ReferencedApi referenced, CancellationToken cancellationToken)
    {
        var builder = new SdkModelBuilder(target, referenced, cancellationToken);
        // MSBuild's file order is not guaranteed; ordinal path order makes "first declaration wins" stable.
        SpecFile[] ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        return builder.Build(ordered);
    }

    /// <summary>
    /// The prefix of every group class: none in the SDK; the accessor's name in an app
    /// (<c>AppCrmDealApi</c>), so an app's groups never take the name of one of the SDK's.
    /// </summary>
    private string TypePrefix => _target.IsSdk ? "" : _target.AccessorName;

    /// <summary>Members of the class holding the scope properties (the client, or an app's accessor class).</summary>
    private HashSet<string> RootMembers => _target.IsSdk ? ClientMembers : ObjectMembers;

    /// <summary>Members of the class holding the batch's scope properties.</summary>
    private HashSet<string> BatchRootMembers => _target.IsSdk ? BatchMembers : ObjectMembers;

    private string RootType => _target.IsSdk ? "Bitrix24Client" : _target.AccessorName + "Api";

    private string BatchRootType => _target.IsSdk ? "Bitrix24Batch" : _target.AccessorName + "BatchApi";

    private SdkModel Build(SpecFile[] files)
    {
        if (!_target.IsSdk && !CanGenerateIntoApp(files))
        {
            return new SdkModel(EquatableArray<EmitUnit>.Empty, _diagnostics.ToEquatableArray());
        }

        _names = new CSharpNames(CollectWords(files));
        _segments.Clear();
        var units = new List<EmitUnit>();

        List<ErrorCodeModel> errorCodes = CollectErrorCodes(files);
        if (_target.IsSdk)
        {
            // An app cannot add members to the SDK's enum; its codes stay readable through Bitrix24ApiException.Code.
            units.Add(new ErrorCodesUnit("Bitrix24ErrorCode.g.cs", errorCodes.ToEquatableArray()));
        }

        var typeNames = new TypeNameRegistry(this);
        foreach (ReferencedName type in _referenced.TypeNames)
        {
            typeNames.Reserve(type.Name, "type " + type.Name + " of the referenced assembly " + type.Assembly);
        }

        ClaimGroupTypes(files, typeNames);
        Dictionary<(string Scope, string Name), EnumModel?> enums = CollectEnums(files, typeNames);
        List<MethodModel> methods = CollectMethods(files, enums, errorCodes, typeNames);

        foreach (EnumModel model in enums.Values.Where(e => e is not null).Select(e => e!))
        {
            units.Add(new EnumUnit("Enums." + model.Namespace.Substring(RootNamespace.Length + 1) + "." + model.Name + ".g.cs", model));
        }

        foreach (MethodModel method in methods)
        {
            units.Add(new MethodUnit("Methods." + string.Join(".", PascalSegments(method.RestName)) + ".g.cs", method));
        }

        units.AddRange(BuildClientTrees(methods));
        if (_target.IsSdk)
        {
            units.Add(new CatalogUnit(
                "Bitrix24MethodCatalog.g.cs",
                methods.OrderBy(m => m.RestName, StringComparer.Ordinal).Select(m => "global::" + m.Namespace + "." + m.DescriptorType + ".Descriptor").ToEquatableArray()));
        }
        else if (methods.Count > 0)
        {
            // An app without methods of its own (only the package's naming file) gets no empty accessor.
            units.Add(new AccessorUnit(_target.AccessorName + "Accessor.g.cs", _target.AccessorName, RootType, BatchRootType));
        }

        if (_target.IsSdk || methods.Count > 0)
        {
            units.Add(new GeneratedMethodsUnit(
                "Bitrix24GeneratedMethods.g.cs",
                methods.Select(m => m.RestName).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()));
        }

        return new SdkModel(
            units.OrderBy(u => u.HintName, StringComparer.Ordinal).ToEquatableArray(),
            _diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// An app's code needs a valid accessor name and the runtime it calls; without them nothing is
    /// generated (half the code would only add C# errors to the real one).
    /// </summary>
    private bool CanGenerateIntoApp(SpecFile[] files)
    {
        _diagnostics.AddRange(_target.Diagnostics);
        if (!_referenced.HasRuntime && files.Any(f => f.Method is not null))
        {
            Report(DiagnosticDescriptors.RuntimeNotReferenced, SpecLocation.None);
            return false;
        }

        return _target.Diagnostics.IsEmpty;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private static string LineOf(SpecLocation location) =>
        (location.LineSpan.Start.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Where(SpecLocation location) =>
        System.IO.Path.GetFileName(location.Path) + " line " + LineOf(location);

    private Dictionary<string, string> CollectWords(SpecFile[] files)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        foreach (NamingWordSpec word in files.SelectMany(f => f.Words))
        {
            if (words.TryGetValue(word.Word, out string? spelling))
            {
                if (spelling != word.Spelling)
                {
                    Report(DiagnosticDescriptors.ConflictingNamingWord, word.Location, word.Word, word.Spelling, spelling, Where(firstSeen[word.Word]));
                }

                continue;
            }

            words[word.Word] = word.Spelling;
            firstSeen[word.Word] = word.Location;
        }

        return words;
    }

    /// <summary>
    /// Merges system codes (errors.yaml first) with every method's codes. A code may be listed by
    /// many methods; it must not be given two different statuses, retry classes or names.
    /// </summary>
    private List<ErrorCodeModel> CollectErrorCodes(SpecFile[] files)
    {
        var merged = new Dictionary<string, (ErrorSpec First, int? Status, RetryClass? Retry, string? Description, string? When)>(StringComparer.Ordinal);
        var order = new List<string>();
        IEnumerable<SpecFile> systemFirst = files.Where(f => f.Kind == SpecFileKind.Errors).Concat(files.Where(f => f.Kind != SpecFileKind.Errors));
        foreach (ErrorSpec error in systemFirst.SelectMany(f => f.Errors))
        {
            if (!merged.TryGetValue(error.Code, out var known))
            {
                merged[error.Code] = (error, error.Status, error.Retry, error.Description, error.When);
                order.Add(error.Code);
                continue;
            }

            if (error.Status is { } status && known.Status is { } knownStatus && status != knownStatus)
            {
                Report(DiagnosticDescriptors.ConflictingErrorCode, error.CodeLocation, error.Code, "status " + status, "status " + knownStatus, Where(known.First.CodeLocation));
            }
            else if (error.Retry is { } retry && known.Retry is { } knownRetry && retry != knownRetry)
            {
                Report(DiagnosticDescriptors.ConflictingErrorCode, error.CodeLocation, error.Code, "retry " + Spell(retry), "retry " + Spell(knownRetry), Where(known.First.CodeLocation));
            }
            else if (error.Name is not null && error.Name != known.First.Name)
            {
                Report(DiagnosticDescriptors.ConflictingErrorCode, error.CodeLocation, error.Code, "name " + error.Name, "name " + (known.First.Name ?? "(none)"), Where(known.First.CodeLocation));
            }

            merged[error.Code] = (known.First, known.Status ?? error.Status, known.Retry ?? error.Retry, known.Description ?? error.Description, known.When ?? error.When);
        }

        var models = new List<ErrorCodeModel>();
        var members = new Dictionary<string, string>(StringComparer.Ordinal) { ["Unknown"] = "the SDK (for codes no spec declares)" };
        var values = new Dictionary<int, string>();
        foreach (string code in order)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var entry = merged[code];
            string member = entry.First.Name ?? _names.Pascal(code);
            if (!CSharpNames.IsUsableName(member))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, entry.First.CodeLocation, code, member, entry.First.Name is null ? "; give the error a 'name:'" : "");
                continue;
            }

            if (members.TryGetValue(member, out string? owner))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.First.CodeLocation, "Error code", code, "Bitrix24ErrorCode." + member, owner, "; give one of them a 'name:'");
                continue;
            }

            int value = StableValue(code);
            if (values.TryGetValue(value, out string? clash))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.First.CodeLocation, "Error code", code, "the enum value " + value, "error code " + clash, "");
                continue;
            }

            members[member] = "error code " + code;
            values[value] = code;
            models.Add(new ErrorCodeModel(code, member, value, entry.Status, entry.Description, entry.When, entry.First.Remarks, entry.Retry ?? RetryClass.Never));
        }

        return models.OrderBy(m => m.MemberName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// FNV-1a of the wire code, kept positive and never 0 (0 is Unknown). Enum values are baked into
    /// callers' assemblies; a hash keeps each code's value when codes are added or removed.
    /// </summary>
    internal static int StableValue(string code)
    {
        uint hash = 2166136261;
        foreach (char c in code)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        int value = (int)(hash & 0x7FFFFFFF);
        return value == 0 ? 1 : value;
    }

    private static string Spell(RetryClass retry) => retry switch
    {
        RetryClass.IfIdempotent => "if-idempotent",
        RetryClass.AfterDelay => "after-delay",
        RetryClass.AfterReset => "after-reset",
        RetryClass.AfterRefresh => "after-refresh",
        _ => "never",
    };

    /// <summary>
    /// Group classes come from method names, which are the spec's primary content; they are claimed
    /// first so an enum that happens to share a group's name is the one reported and left out. The
    /// client's groups go before the batch's, so a method segment named <c>batch</c> keeps its client
    /// group and the batch group is the one reported.
    /// </summary>
    private void ClaimGroupTypes(SpecFile[] files, TypeNameRegistry typeNames)
    {
        MethodSpec[] methods = files.Select(f => f.Method).OfType<MethodSpec>()
            .Where(m => PascalSegments(m.Name).All(CSharpNames.IsUsableName))
            .ToArray();
        foreach (MethodSpec method in methods)
        {
            foreach (string group in GroupTypesOf(method.Name))
            {
                typeNames.TryClaimGroup(NamespaceOf(method.Scope), group, method.Name, method.NameLocation);
            }
        }

        foreach (MethodSpec method in methods)
        {
            foreach (string group in BatchGroupTypesOf(method.Name))
            {
                typeNames.TryClaimBatchGroup(NamespaceOf(method.Scope), group, method.Name, method.NameLocation);
            }
        }
    }

    /// <summary>Enums by scope and name; a null value marks an enum whose declaration is broken (already reported).</summary>
    private Dictionary<(string Scope, string Name), EnumModel?> CollectEnums(SpecFile[] files, TypeNameRegistry typeNames)
    {
        var enums = new Dictionary<(string, string), EnumModel?>();
        var declarations = new Dictionary<(string, string), EnumSpec>();
        foreach (EnumSpec spec in files.SelectMany(f => f.Enums))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var key = (spec.Scope, spec.Name);
            if (declarations.TryGetValue(key, out EnumSpec? first))
            {
                // Several files of a scope may repeat an enum; they must agree.
                if (!first.DeclaresSameValues(spec))
                {
                    Report(DiagnosticDescriptors.ConflictingEnum, spec.NameLocation, spec.Name, spec.Scope, Where(first.NameLocation));
                }

                continue;
            }

            declarations[key] = spec;
            enums[key] = BuildEnum(spec, typeNames);
        }

        foreach (SpecFile file in files)
        {
            foreach (string name in file.BrokenEnums)
            {
                if (!enums.ContainsKey((file.Scope, name)))
                {
                    enums[(file.Scope, name)] = null;
                }
            }
        }

        return enums;
    }

    private EnumModel? BuildEnum(EnumSpec spec, TypeNameRegistry typeNames)
    {
        string ns = NamespaceOf(spec.Scope);
        var members = new List<EnumMemberModel>();
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        bool sound = true;
        foreach (EnumValueSpec value in spec.Values)
        {
            string member = value.Name ?? _names.Pascal(value.Wire);
            if (!CSharpNames.IsUsableName(member))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, value.Location, value.Wire, member, value.Name is null ? "; give the value a 'name:'" : "");
                sound = false;
                continue;
            }

            if (used.TryGetValue(member, out string? other))
            {
                Report(DiagnosticDescriptors.NameCollision, value.Location, "Value", value.Wire, spec.Name + "." + member, "value " + other, "; give one of them a 'name:'");
                sound = false;
                continue;
            }

            used[member] = value.Wire;
            members.Add(new EnumMemberModel(member, value.Wire, value.Summary));
        }

        string wireType = spec.Name + "Wire";
        if (!sound
            || !typeNames.TryClaim(ns, spec.Name, "Enum", spec.Name, "enum " + spec.Name, spec.NameLocation)
            || !typeNames.TryClaim(ns, wireType, "Enum", spec.Name, "the converter of enum " + spec.Name, spec.NameLocation))
        {
            return null;
        }

        return new EnumModel(ns, spec.Name, wireType, spec.Scope, spec.Summary, members.ToEquatableArray());
    }

    private List<MethodModel> CollectMethods(
        SpecFile[] files,
        Dictionary<(string Scope, string Name), EnumModel?> enums,
        List<ErrorCodeModel> errorCodes,
        TypeNameRegistry typeNames)
    {
        var methods = new List<MethodModel>();
        var declaredIn = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        var csharpPaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var codeMembers = errorCodes.ToDictionary(e => e.Code, e => e.MemberName, StringComparer.Ordinal);
        var alreadyGenerated = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ReferencedName method in _referenced.Methods)
        {
            alreadyGenerated[method.Name] = method.Assembly;
        }

        foreach (SpecFile file in files)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (file.Method is not { } spec)
            {
                continue;
            }

            if (declaredIn.TryGetValue(spec.Name, out SpecLocation first))
            {
                Report(DiagnosticDescriptors.DuplicateMethod, spec.NameLocation, spec.Name, Where(first));
                continue;
            }

            if (alreadyGenerated.TryGetValue(spec.Name, out string? assembly))
            {
                Report(DiagnosticDescriptors.MethodAlreadyGenerated, spec.NameLocation, spec.Name, assembly);
                continue;
            }

            declaredIn[spec.Name] = spec.NameLocation;
            string[] segments = PascalSegments(spec.Name);
            string csharpPath = string.Join(".", segments);
            if (segments.Any(s => !CSharpNames.IsUsableName(s)))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, spec.NameLocation, spec.Name, csharpPath, "");
                continue;
            }

            int selfNamed = Enumerable.Range(1, segments.Length - 2).FirstOrDefault(d =>
                segments[d] == GroupType(string.Concat(segments.Take(d))) || segments[d] == BatchGroupType(string.Concat(segments.Take(d))));
            if (selfNamed > 0)
            {
                // The group property would be named like the class that holds it (CS0542).
                Report(DiagnosticDescriptors.NameCollision, spec.NameLocation, "Method", spec.Name, segments[selfNamed], "the group class itself", "");
                continue;
            }

            if (RootMembers.Contains(segments[0]))
            {
                Report(DiagnosticDescriptors.NameCollision, spec.NameLocation, "Scope", spec.Scope, RootType + "." + segments[0], _target.IsSdk ? "the hand-written client" : "System.Object", "; map the word to another spelling in naming.yaml");
                continue;
            }

            if (BatchRootMembers.Contains(segments[0]))
            {
                Report(DiagnosticDescriptors.NameCollision, spec.NameLocation, "Scope", spec.Scope, BatchRootType + "." + segments[0], _target.IsSdk ? "the hand-written batch" : "System.Object", "; map the word to another spelling in naming.yaml");
                continue;
            }

            if (csharpPaths.TryGetValue(csharpPath, out string? clash))
            {
                Report(DiagnosticDescriptors.NameCollision, spec.NameLocation, "Method", spec.Name, csharpPath, "method " + clash, "");
                continue;
            }

            MethodModel? method = BuildMethod(spec, segments, file, enums, codeMembers);
            if (method is null)
            {
                continue;
            }

            if (!typeNames.TryClaim(method.Namespace, method.RequestType, "Method", spec.Name, "method " + spec.Name, spec.NameLocation)
                || !typeNames.TryClaim(method.Namespace, method.DescriptorType, "Method", spec.Name, "method " + spec.Name, spec.NameLocation))
            {
                continue;
            }

            csharpPaths[csharpPath] = spec.Name;
            methods.Add(method);
        }

        return DropGroupMemberClashes(methods, declaredIn, typeNames);
    }

    private MethodModel? BuildMethod(
        MethodSpec spec,
        string[] segments,
        SpecFile file,
        Dictionary<(string Scope, string Name), EnumModel?> enums,
        Dictionary<string, string> codeMembers)
    {
        string fullName = string.Concat(segments);
        string requestType = fullName + "Request";
        bool sound = true;
        var parameters = new List<ParamModel>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ParamSpec param in spec.Params)
        {
            string property = _names.Pascal(param.WireName);
            if (!CSharpNames.IsUsableName(property))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, param.NameLocation, param.WireName, property, "");
                sound = false;
                continue;
            }

            string argument = CSharpNames.EscapeKeyword(CSharpNames.Camel(property));
            if (properties.TryGetValue(property, out string? other))
            {
                Report(DiagnosticDescriptors.NameCollision, param.NameLocation, "Parameter", param.WireName, property, "parameter " + other, "");
                sound = false;
                continue;
            }

            if (property == requestType || ObjectMembers.Contains(property))
            {
                Report(DiagnosticDescriptors.NameCollision, param.NameLocation, "Parameter", param.WireName, property,
                    property == requestType ? "the request class itself" : "System.Object", "");
                sound = false;
                continue;
            }

            if (argument == "cancellationToken")
            {
                Report(DiagnosticDescriptors.NameCollision, param.NameLocation, "Parameter", param.WireName, argument, "the generated CancellationToken argument", "");
                sound = false;
                continue;
            }

            ValueModel? type = Resolve(param.Type, param.TypeLocation, spec.Scope, enums);
            if (type is null)
            {
                sound = false;
                continue;
            }

            properties[property] = param.WireName;
            parameters.Add(new ParamModel(param.WireName, property, argument, type, param.IsRequired, param.Summary, param.Remarks, param.Default));
        }

        ValueModel? result = Resolve(spec.Result.Type, spec.Result.TypeLocation, spec.Scope, enums);
        if (!sound || result is null)
        {
            return null;
        }

        var errors = file.Errors
            .Where(e => codeMembers.ContainsKey(e.Code))
            .Select(e => new ErrorDocModel(e.Code, _target.IsSdk ? codeMembers[e.Code] : null, e.Status, e.Description, e.When))
            .ToEquatableArray();

        string groupPrefix = string.Concat(segments.Take(segments.Length - 1));
        string methodName = segments[segments.Length - 1];
        return new MethodModel(
            spec.Name,
            NamespaceOf(spec.Scope),
            requestType,
            fullName + "Method",
            GroupType(groupPrefix),
            methodName,
            BatchGroupType(groupPrefix),
            methodName, // the final batch name is chosen once every group is known (DropGroupMemberClashes)
            spec.Summary,
            spec.Remarks,
            spec.Docs,
            spec.Scopes,
            spec.Access,
            spec.IsIdempotent,
            parameters.ToEquatableArray(),
            result,
            spec.Result.Summary,
            errors);
    }

    private ValueModel? Resolve(TypeSpec type, SpecLocation location, string scope, Dictionary<(string Scope, string Name), EnumModel?> enums)
    {
        if (type.Kind != TypeKind.Enum)
        {
            return new ValueModel(type.Kind, type.IsArray, null, null);
        }

        if (!enums.TryGetValue((scope, type.EnumName!), out EnumModel? model))
        {
            Report(DiagnosticDescriptors.UndeclaredEnum, location, type.EnumName!, scope);
            return null;
        }

        // A broken enum was reported where it is declared; the method just waits for it to be fixed.
        return model is null
            ? null
            : new ValueModel(TypeKind.Enum, type.IsArray, "global::" + model.Namespace + "." + model.Name, "global::" + model.Namespace + "." + model.WireType);
    }

    /// <summary>
    /// A group class holds child-group properties (<c>Message</c>) and two methods per REST method
    /// (<c>SendAsync</c>, <c>SendWithResponseAsync</c>); two of them must not share a name. Its batch
    /// counterpart holds the same child groups and one method name per REST method (<c>Send</c>):
    /// when that name is taken by a child group, the class itself or an <c>object</c> member, the batch
    /// method becomes <c>SendCommand</c>. Group type names must not collide with other generated types.
    /// </summary>
    private List<MethodModel> DropGroupMemberClashes(List<MethodModel> methods, Dictionary<string, SpecLocation> declaredIn, TypeNameRegistry typeNames)
    {
        var members = new Dictionary<(string Ns, string Group, string Member), string>();
        var batchMembers = new Dictionary<(string Ns, string Group, string Member), string>();
        foreach (var group in CollectGroups(methods))
        {
            // A member may not be named like its class (CS0542).
            members[(group.Key.Ns, group.Key.Type, group.Key.Type)] = "the group class itself";
            batchMembers[(group.Key.Ns, group.Value.BatchType, group.Value.BatchType)] = "the group class itself";
            foreach (string objectMember in ObjectMembers)
            {
                // A parameterless batch method would hide object.ToString() and the like.
                batchMembers[(group.Key.Ns, group.Value.BatchType, objectMember)] = "System.Object";
            }

            foreach (GroupChildModel child in group.Value.Children)
            {
                members[(group.Key.Ns, group.Key.Type, child.PropertyName)] = "group " + child.RestPrefix;
                batchMembers[(group.Key.Ns, group.Value.BatchType, child.PropertyName)] = "group " + child.RestPrefix;
            }
        }

        var kept = new List<MethodModel>();
        foreach (MethodModel method in methods)
        {
            SpecLocation location = declaredIn[method.RestName];
            string[] names = { method.MethodName + "Async", method.MethodName + "WithResponseAsync" };
            string? clash = names.FirstOrDefault(n => members.ContainsKey((method.Namespace, method.GroupType, n)));
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, location, "Method", method.RestName, method.GroupType + "." + clash,
                    members[(method.Namespace, method.GroupType, clash)], "");
                continue;
            }

            // Only names that are not methods push the batch method aside; two methods sharing a name is a clash.
            bool plainNameTaken = batchMembers.TryGetValue((method.Namespace, method.BatchGroupType, method.MethodName), out string? taker)
                && !taker.StartsWith("method ", StringComparison.Ordinal);
            string batchName = plainNameTaken ? method.MethodName + "Command" : method.MethodName;
            if (batchMembers.TryGetValue((method.Namespace, method.BatchGroupType, batchName), out string? batchClash))
            {
                Report(DiagnosticDescriptors.NameCollision, location, "Method", method.RestName, method.BatchGroupType + "." + batchName, batchClash, "");
                continue;
            }

            if (!GroupTypesOf(method.RestName).All(group => typeNames.TryClaimGroup(method.Namespace, group, method.RestName, location))
                || !BatchGroupTypesOf(method.RestName).All(group => typeNames.TryClaimBatchGroup(method.Namespace, group, method.RestName, location)))
            {
                continue;
            }

            foreach (string name in names)
            {
                members[(method.Namespace, method.GroupType, name)] = "method " + method.RestName;
            }

            batchMembers[(method.Namespace, method.BatchGroupType, batchName)] = "method " + method.RestName;
            kept.Add(method with { BatchMethodName = batchName });
        }

        return kept;
    }

    /// <summary>Per scope, one file with the client's group classes and one with the batch's.</summary>
    private IEnumerable<EmitUnit> BuildClientTrees(List<MethodModel> methods)
    {
        foreach (var scope in methods.GroupBy(m => m.RestName.Split('.')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string scopePascal = _names.Pascal(scope.Key);
            var groups = CollectGroups(scope)
                .Select(g => new GroupModel(g.Key.Type, g.Value.BatchType, g.Value.RestPrefix, g.Value.Children.ToEquatableArray()))
                .OrderBy(g => g.TypeName, StringComparer.Ordinal)
                .ToEquatableArray();
            var model = new ScopeClientModel(NamespaceOf(scope.Key), scope.Key, scopePascal, GroupType(scopePascal), BatchGroupType(scopePascal), groups)
            {
                RootType = RootType,
                BatchRootType = BatchRootType,
                RootIsRuntime = _target.IsSdk,
            };
            yield return new ClientTreeUnit("Clients." + scopePascal + ".g.cs", model);
            yield return new BatchTreeUnit("Batch." + scopePascal + ".g.cs", model);
        }
    }

    /// <summary>
    /// Every group class the methods need: one per proper prefix of a method name
    /// (<c>imopenlines</c>, <c>imopenlines.bot</c>, ...), with its batch counterpart and its child
    /// groups sorted by name.
    /// </summary>
    private Dictionary<(string Ns, string Type), (string BatchType, string RestPrefix, SortedSet<GroupChildModel> Children)> CollectGroups(IEnumerable<MethodModel> methods)
    {
        var groups = new Dictionary<(string, string), (string, string, SortedSet<GroupChildModel>)>();
        foreach (MethodModel method in methods)
        {
            string[] rest = method.RestName.Split('.');
            string[] pascal = PascalSegments(method.RestName);
            for (int depth = 1; depth < rest.Length; depth++)
            {
                string prefix = string.Concat(pascal.Take(depth));
                var key = (method.Namespace, GroupType(prefix));
                if (!groups.TryGetValue(key, out var group))
                {
                    group = (BatchGroupType(prefix), string.Join(".", rest.Take(depth)), new SortedSet<GroupChildModel>(GroupChildOrder.Instance));
                    groups[key] = group;
                }

                if (depth + 1 < rest.Length)
                {
                    string child = prefix + pascal[depth];
                    group.Item3.Add(new GroupChildModel(pascal[depth], GroupType(child), BatchGroupType(child), string.Join(".", rest.Take(depth + 1))));
                }
            }
        }

        return groups;
    }

    /// <summary>The client's group class of a name prefix: <c>ImOpenLinesBot</c> → <c>ImOpenLinesBotApi</c> (in an app, <c>AppImOpenLinesBotApi</c>).</summary>
    private string GroupType(string pascalPrefix) => TypePrefix + pascalPrefix + "Api";

    /// <summary>The batch's group class of a name prefix: <c>ImOpenLinesBot</c> → <c>ImOpenLinesBotBatchApi</c>.</summary>
    private string BatchGroupType(string pascalPrefix) => TypePrefix + pascalPrefix + "BatchApi";

    private IEnumerable<string> GroupTypesOf(string restName) => PrefixesOf(restName).Select(GroupType);

    private IEnumerable<string> BatchGroupTypesOf(string restName) => PrefixesOf(restName).Select(BatchGroupType);

    /// <summary>The PascalCase proper prefixes of a method name: <c>ImOpenLines</c>, <c>ImOpenLinesBot</c>, ...</summary>
    private IEnumerable<string> PrefixesOf(string restName)
    {
        string[] pascal = PascalSegments(restName);
        for (int depth = 1; depth < pascal.Length; depth++)
        {
            yield return string.Concat(pascal.Take(depth));
        }
    }

    private string[] PascalSegments(string restName)
    {
        if (!_segments.TryGetValue(restName, out string[]? segments))
        {
            segments = restName.Split('.').Select(_names.Pascal).ToArray();
            _segments[restName] = segments;
        }

        return segments;
    }

    private string NamespaceOf(string scope) => RootNamespace + "." + _names.Pascal(scope);

    private sealed class GroupChildOrder : IComparer<GroupChildModel>
    {
        public static readonly GroupChildOrder Instance = new();

        public int Compare(GroupChildModel? x, GroupChildModel? y) => string.CompareOrdinal(x?.PropertyName, y?.PropertyName);
    }

    /// <summary>
    /// Generated type names per namespace. Hint names are derived from type names, so a name that is
    /// unique ignoring case also keeps generated file names apart on case-insensitive file systems.
    /// </summary>
    private sealed class TypeNameRegistry
    {
        private readonly SdkModelBuilder _builder;
        private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
        private readonly HashSet<string> _batchGroups = new(StringComparer.Ordinal);

        // Group claims are made twice (before enums, then while keeping methods); a refusal is reported once.
        private readonly HashSet<(string Key, string Method)> _refused = new();

        public TypeNameRegistry(SdkModelBuilder builder) => _builder = builder;

        /// <summary>A name a referenced assembly already has: nothing generated here may take it.</summary>
        public void Reserve(string fullName, string owner) => _owners[fullName] = owner;

        /// <param name="what">What claims the name, for the message: "Enum", "Method".</param>
        /// <param name="name">Its spec name: AutoMessageType, imopenlines.bot.session.finish.</param>
        /// <param name="owner">How later claimants will see it: "enum AutoMessageType".</param>
        public bool TryClaim(string ns, string typeName, string what, string name, string owner, SpecLocation location)
        {
            string key = ns + "." + typeName;
            if (_owners.TryGetValue(key, out string? existing))
            {
                _builder.Report(DiagnosticDescriptors.NameCollision, location, what, name, typeName, existing, "");
                return false;
            }

            _owners[key] = owner;
            return true;
        }

        /// <summary>Many methods share a group class; it only must not collide with another kind of type.</summary>
        public bool TryClaimGroup(string ns, string typeName, string method, SpecLocation location) =>
            TryClaimShared(_groups, ns, typeName, method, "the group class of " + method, location);

        /// <summary>The same for the batch's group classes, which must not collide with the client's either.</summary>
        public bool TryClaimBatchGroup(string ns, string typeName, string method, SpecLocation location) =>
            TryClaimShared(_batchGroups, ns, typeName, method, "the batch group class of " + method, location);

        private bool TryClaimShared(HashSet<string> claimed, string ns, string typeName, string method, string owner, SpecLocation location)
        {
            string key = ns + "." + typeName;
            if (claimed.Contains(key))
            {
                return true;
            }

            if (_refused.Contains((key, method)))
            {
                return false;
            }

            if (TryClaim(ns, typeName, "Method", method, owner, location))
            {
                return claimed.Add(key);
            }

            _refused.Add((key, method));
            return false;
        }
    }
}
