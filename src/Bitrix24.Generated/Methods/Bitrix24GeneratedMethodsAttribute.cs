namespace Bitrix24;

/// <summary>
/// Lists the REST methods an assembly has generated code for. The Bitrix24 generator writes it into
/// every assembly it generates (this SDK, or an app or library with its own specs) and reads it from
/// referenced assemblies, so a spec cannot declare a method that is already generated elsewhere.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class Bitrix24GeneratedMethodsAttribute : Attribute
{
    /// <summary>Records the generated methods.</summary>
    /// <param name="methods">REST method names, such as <c>imopenlines.bot.session.message.send</c>.</param>
    public Bitrix24GeneratedMethodsAttribute(params string[] methods) => Methods = methods ?? [];

    /// <summary>The REST method names.</summary>
    public IReadOnlyList<string> Methods { get; }
}
