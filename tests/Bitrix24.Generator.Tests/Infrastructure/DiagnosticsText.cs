using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>
/// Renders diagnostics the way Verify.SourceGenerators does: an object with a Diagnostics list,
/// two-space indents, <c>Location: path: (line,char)-(line,char)</c> 0-based with '\' separators,
/// WarningLevel only when non-zero. Only external-file locations (our YAML) are supported.
/// </summary>
internal static class DiagnosticsText
{
    public static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append("{\n  Diagnostics: [\n");
        bool first = true;
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (!first)
            {
                text.Append(",\n");
            }

            first = false;
            text.Append("    {\n");
            if (diagnostic.Location != Location.None)
            {
                if (diagnostic.Location.SourceTree is not null)
                {
                    throw new NotSupportedException("Diagnostics in C# code are not rendered by this helper: " + diagnostic);
                }

                FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
                text.Append(CultureInfo.InvariantCulture,
                    $"      Location: {span.Path.Replace('/', '\\')}: ({span.StartLinePosition.Line},{span.StartLinePosition.Character})-({span.EndLinePosition.Line},{span.EndLinePosition.Character}),\n");
            }

            text.Append($"      Message: {diagnostic.GetMessage(CultureInfo.InvariantCulture)},\n");
            text.Append($"      Severity: {diagnostic.Severity},\n");
            if (diagnostic.WarningLevel != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"      WarningLevel: {diagnostic.WarningLevel},\n");
            }

            DiagnosticDescriptor descriptor = diagnostic.Descriptor;
            text.Append("      Descriptor: {\n");
            text.Append($"        Id: {descriptor.Id},\n");
            text.Append($"        Title: {descriptor.Title.ToString(CultureInfo.InvariantCulture)},\n");
            AppendIfPresent(text, "Description", descriptor.Description.ToString(CultureInfo.InvariantCulture));
            AppendIfPresent(text, "HelpLink", descriptor.HelpLinkUri);
            text.Append($"        MessageFormat: {descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture)},\n");
            text.Append($"        Category: {descriptor.Category},\n");
            text.Append($"        DefaultSeverity: {descriptor.DefaultSeverity},\n");
            text.Append($"        IsEnabledByDefault: {(descriptor.IsEnabledByDefault ? "true" : "false")}\n");
            text.Append("      }\n");
            text.Append("    }");
        }

        text.Append("\n  ]\n}");
        return text.ToString();
    }

    private static void AppendIfPresent(StringBuilder text, string name, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append($"        {name}: {value},\n");
        }
    }
}
