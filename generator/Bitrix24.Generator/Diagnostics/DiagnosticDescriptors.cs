using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, sorted by ID. B24G0xxx: the file is not readable YAML;
/// B24G1xxx: one spec file is wrong; B24G2xxx: spec files disagree with each other (or with a
/// referenced assembly); B24G3xxx: warnings; B24G4xxx: the project's settings; B24G9xxx: a generator bug. Listed for users in spec/README.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Bitrix24.Generator";

    public static readonly DiagnosticDescriptor InvalidYaml = Error(
        "B24G0001", "Invalid YAML", "The spec file is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor NotASpecDocument = Error(
        "B24G0002", "Not a spec document", "{0}");

    public static readonly DiagnosticDescriptor FileTooLarge = Error(
        "B24G0003", "Spec file too large", "The spec file has {0} characters; a spec file may have at most {1}");

    public static readonly DiagnosticDescriptor NestedTooDeep = Error(
        "B24G0004", "Spec nested too deep", "Values are nested more than {0} levels deep here; a spec needs a handful");

    public static readonly DiagnosticDescriptor AliasNotSupported = Error(
        "B24G0005", "YAML alias in a spec", "The alias '*{0}' is not supported in spec files; write the value out");

    public static readonly DiagnosticDescriptor TooManyProblems = Warning(
        "B24G3003", "Too many problems", "This file has more problems than the {0} reported; fix those and build again to see the rest");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "B24G1001", "Missing required key", "Required key '{0}' is missing{1}");

    public static readonly DiagnosticDescriptor InvalidMethodName = Error(
        "B24G1002", "Invalid method name",
        "'{0}' is not a valid method name: expected dotted words starting with a lower-case scope, such as imopenlines.bot.session.message.send");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "B24G1003", "Unknown type",
        "Unknown type '{0}': expected int, long, string, bool, yn, double, datetime, json or the name of an enum or type, as it is, as a list (T[]) or as a map (map<T>), optionally followed by ?");

    public static readonly DiagnosticDescriptor DuplicateParameter = Error(
        "B24G1004", "Duplicate parameter", "Parameter '{0}' is declared more than once{1}");

    public static readonly DiagnosticDescriptor DuplicateEnumValue = Error(
        "B24G1005", "Duplicate enum value", "Enum '{0}' declares '{1}' more than once{2}");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "B24G1006", "Invalid value", "{0} must be {1}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "B24G1007", "Invalid identifier", "'{0}' becomes '{1}', which cannot be used as a C# name{2}");

    public static readonly DiagnosticDescriptor DuplicateErrorCode = Error(
        "B24G1008", "Duplicate error code", "Error code '{0}' is listed more than once (first at line {1})");

    public static readonly DiagnosticDescriptor DuplicateMember = Error(
        "B24G1009", "Duplicate member", "Type '{0}' declares member '{1}' more than once{2}");

    public static readonly DiagnosticDescriptor DuplicateMethod = Error(
        "B24G2001", "Duplicate method", "Method '{0}' is already declared in {1}");

    public static readonly DiagnosticDescriptor UndeclaredType = Error(
        "B24G2002", "Type not declared",
        "'{0}' is not declared in scope '{1}': declare it under 'enums:' or 'types:' in this file or in another spec file of the scope");

    public static readonly DiagnosticDescriptor ConflictingErrorCode = Error(
        "B24G2003", "Conflicting error code", "Error code '{0}' is declared here with {1} but with {2} in {3}");

    public static readonly DiagnosticDescriptor ConflictingEnum = Error(
        "B24G2004", "Conflicting enum", "Enum '{0}' of scope '{1}' is already declared with other values in {2}");

    public static readonly DiagnosticDescriptor ConflictingNamingWord = Error(
        "B24G2005", "Conflicting naming word", "Word '{0}' is mapped to '{1}' here but to '{2}' in {3}");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        "B24G2006", "Generated name collision", "{0} '{1}' becomes the C# name '{2}', which {3} already uses{4}");

    public static readonly DiagnosticDescriptor MethodAlreadyGenerated = Error(
        "B24G2007", "Method already generated",
        "Method '{0}' is already generated in the referenced assembly {1}; call it from there and delete this spec, or keep it only in one place");

    public static readonly DiagnosticDescriptor ConflictingType = Error(
        "B24G2008", "Conflicting type", "Type '{0}' of scope '{1}' is already declared with other members in {2}");

    public static readonly DiagnosticDescriptor TypeCycle = Error(
        "B24G2009", "Type contains itself",
        "Type '{0}' contains itself ({1}); a type may not hold itself, directly or through others, so a response can never nest without end");

    public static readonly DiagnosticDescriptor DuplicateEvent = Error(
        "B24G2010", "Duplicate event", "Event '{0}' is already declared in {1}");

    public static readonly DiagnosticDescriptor UnknownKey = Warning(
        "B24G3001", "Unknown key", "Unknown key '{0}' is ignored; expected one of: {1}");

    public static readonly DiagnosticDescriptor FileNameMismatch = Warning(
        "B24G3002", "File name does not match the method", "The file is named '{0}' but declares '{1}'; name it '{1}.yaml'");

    public static readonly DiagnosticDescriptor InvalidSetting = Error(
        "B24G4001", "Invalid generator setting", "The MSBuild property {0} is '{1}'; it must be {2}");

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Error(
        "B24G4002", "Bitrix24.Generated not referenced",
        "The project has Bitrix24 spec files but does not reference the Bitrix24.Generated runtime the generated code calls; add the Bitrix24.Generated package");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "B24G9001", "Generator failure",
        "The generator failed while reading this file ({0}); please report it with the file attached");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
