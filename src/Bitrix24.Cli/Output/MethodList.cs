namespace Bitrix24.Cli.Output;

/// <summary>Methods as a two-column list: name, summary.</summary>
internal static class MethodList
{
    public static void Write(TextWriter writer, IReadOnlyList<Bitrix24MethodInfo> methods)
    {
        int width = methods.Select(m => m.Name.Length).DefaultIfEmpty(0).Max();
        foreach (Bitrix24MethodInfo method in methods)
        {
            writer.WriteLine($"  {method.Name.PadRight(width)}  {method.Summary}".TrimEnd());
        }
    }
}
