using System.Collections.Frozen;

namespace Bitrix24;

/// <summary>
/// Every method generated from the specs, with its parameters and types. The command line is built
/// on it: a method added to <c>spec/</c> appears here with no C# edit.
/// </summary>
public static partial class Bitrix24MethodCatalog
{
    private static readonly Bitrix24MethodInfo[] s_methods = CreateMethods();

    private static readonly FrozenDictionary<string, Bitrix24MethodInfo> s_byName =
        s_methods.ToFrozenDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>All methods, sorted by name.</summary>
    public static IReadOnlyList<Bitrix24MethodInfo> Methods => s_methods;

    /// <summary>The method with this REST name (case-insensitive), or null.</summary>
    public static Bitrix24MethodInfo? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_byName.GetValueOrDefault(name);
    }

    /// <summary>Implemented by the generator from the specs.</summary>
    private static partial Bitrix24MethodInfo[] CreateMethods();
}
