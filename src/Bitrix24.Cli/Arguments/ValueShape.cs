namespace Bitrix24.Cli.Arguments;

/// <summary>Which spelling a spec type takes on the command line: plain text, or JSON.</summary>
internal static class ValueShape
{
    /// <summary>A single value written as text (<c>112</c>, <c>DEFAULT</c>, <c>Y</c>): everything but lists, objects, maps and json.</summary>
    public static bool IsScalar(Bitrix24ValueType type) =>
        type.Kind is not (Bitrix24ValueKind.Array or Bitrix24ValueKind.Object or Bitrix24ValueKind.Map or Bitrix24ValueKind.Json);

    /// <summary>
    /// Given only as JSON (inline or <c>@file</c>): objects, maps, json, and lists of anything but scalars.
    /// A list of scalars keeps its plain spelling (<c>--ids 1,2 --ids 3</c>) and may also be a JSON array.
    /// </summary>
    public static bool TakesJson(Bitrix24ValueType type) =>
        type.Kind is Bitrix24ValueKind.Object or Bitrix24ValueKind.Map or Bitrix24ValueKind.Json
        || (type.Kind == Bitrix24ValueKind.Array && !IsScalar(type.ElementType!));

    /// <summary>Whether the parameter's type has object members worth listing in help (an object, or a list or map of them).</summary>
    public static Bitrix24ValueType? ObjectWithin(Bitrix24ValueType type)
    {
        Bitrix24ValueType current = type;
        while (current.Kind is Bitrix24ValueKind.Array or Bitrix24ValueKind.Map)
        {
            current = current.ElementType!;
        }

        return current.Kind == Bitrix24ValueKind.Object ? current : null;
    }
}
