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
/// returns are values, so files whose unit did not change are not emitted again. Each concern has
/// its own class: naming words, error codes, enums, methods, group members and the group tree.
/// </summary>
internal static class SdkModelBuilder
{
    /// <summary>Builds the SDK itself (the generator tests' default).</summary>
    public static SdkModel Build(ImmutableArray<SpecFile> files, CancellationToken cancellationToken) =>
        Build(files, GenerationTarget.Sdk, ReferencedApi.None, cancellationToken);

    public static SdkModel Build(ImmutableArray<SpecFile> files, GenerationTarget target, ReferencedApi referenced, CancellationToken cancellationToken)
    {
        var context = new BuildContext(target, referenced, cancellationToken);
        // MSBuild's file order is not guaranteed; ordinal path order makes "first declaration wins" stable.
        SpecFile[] ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var units = !target.IsSdk && !CanGenerateIntoApp(ordered, context) ? new List<EmitUnit>() : Units(ordered, context);
        return new SdkModel(units.OrderBy(u => u.HintName, StringComparer.Ordinal).ToEquatableArray(), context.Diagnostics);
    }

    private static List<EmitUnit> Units(SpecFile[] files, BuildContext context)
    {
        context.Names = new GeneratedNames(context.Target, new CSharpNames(NamingWordsCollector.Collect(files, context)));
        GeneratedNames names = context.Names;
        var units = new List<EmitUnit>();

        List<ErrorCodeModel> errorCodes = ErrorCodeCollector.Collect(files, context);
        if (context.Target.IsSdk)
        {
            // An app cannot add members to the SDK's enum; its codes stay readable through Bitrix24ApiException.Code.
            units.Add(new ErrorCodesUnit("Bitrix24ErrorCode.g.cs", errorCodes.ToEquatableArray()));
        }

        var typeNames = new TypeNameRegistry(context);
        foreach (ReferencedName type in context.Referenced.TypeNames)
        {
            typeNames.Reserve(type.Name, "type " + type.Name + " of the referenced assembly " + type.Assembly);
        }

        HashSet<string> refusedScopes = ScopeChecks.RefusedScopes(files, context);
        var methodCollector = new MethodCollector(context, typeNames);
        methodCollector.ClaimGroupTypes(files);
        Dictionary<(string Scope, string Name), EnumModel?> enums = EnumCollector.Collect(files, refusedScopes, typeNames, context);
        Dictionary<(string Scope, string Name), ObjectTypeDraft?> objectTypes = ObjectTypeCollector.Collect(files, refusedScopes, enums, typeNames, context);
        List<MethodModel> methods = methodCollector.Collect(files, new TypeResolver(enums, objectTypes, context), errorCodes);

        foreach (EnumModel model in enums.Values.Where(e => e is not null).Select(e => e!))
        {
            units.Add(new EnumUnit("Enums." + model.Namespace.Substring("Bitrix24.".Length) + "." + model.Name + ".g.cs", model));
        }

        foreach (ObjectModel model in ObjectTypeUsage.Models(objectTypes, methods))
        {
            units.Add(new ObjectTypeUnit("Types." + model.Namespace.Substring("Bitrix24.".Length) + "." + model.Name + ".g.cs", model));
        }

        foreach (MethodModel method in methods)
        {
            units.Add(new MethodUnit("Methods." + string.Join(".", names.PascalSegments(method.RestName)) + ".g.cs", method));
        }

        units.AddRange(GroupTree.Units(methods, context));
        if (context.Target.IsSdk)
        {
            units.Add(new CatalogUnit(
                "Bitrix24MethodCatalog.g.cs",
                methods.OrderBy(m => m.RestName, StringComparer.Ordinal).Select(m => "global::" + m.Namespace + "." + m.DescriptorType + ".Descriptor").ToEquatableArray()));
        }
        else if (methods.Count > 0)
        {
            // An app without methods of its own (only the package's naming file) gets no empty accessor.
            units.Add(new AccessorUnit(context.Target.AccessorName + "Accessor.g.cs", context.Target.AccessorName, names.RootType, names.BatchRootType));
        }

        if (context.Target.IsSdk || methods.Count > 0)
        {
            units.Add(new GeneratedMethodsUnit(
                "Bitrix24GeneratedMethods.g.cs",
                methods.Select(m => m.RestName).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()));
        }

        return units;
    }

    /// <summary>
    /// An app's code needs a valid accessor name and the runtime it calls; without them nothing is
    /// generated (half the code would only add C# errors to the real one).
    /// </summary>
    private static bool CanGenerateIntoApp(SpecFile[] files, BuildContext context)
    {
        context.Report(context.Target.Diagnostics);
        if (!context.Referenced.HasRuntime && files.Any(f => f.Method is not null))
        {
            context.Report(DiagnosticDescriptors.RuntimeNotReferenced, SpecLocation.None);
            return false;
        }

        return context.Target.Diagnostics.IsEmpty;
    }
}
