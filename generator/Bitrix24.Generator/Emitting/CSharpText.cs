using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generator.Emitting;

/// <summary>Turns spec text into C# string literals and XML doc text.</summary>
internal static class CSharpText
{
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string LiteralOrNull(string? value) => value is null ? "null" : Literal(value);

    /// <summary>Escapes <c>&amp; &lt; &gt;</c> for XML docs; collapses whitespace and line breaks into single spaces.</summary>
    public static string Xml(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>Writes a doc element, splitting long text over several <c>///</c> lines at spaces.</summary>
    public static void Doc(SourceWriter writer, string element, string xmlText, string attributes = "")
    {
        string open = "<" + element + attributes + ">";
        string close = "</" + element + ">";
        if (open.Length + xmlText.Length + close.Length <= 110)
        {
            writer.Line("/// " + open + xmlText + close);
            return;
        }

        writer.Line("/// " + open);
        foreach (string line in Wrap(xmlText, 110))
        {
            writer.Line("/// " + line);
        }

        writer.Line("/// " + close);
    }

    /// <summary>Splits at spaces outside XML tags, so a <c>&lt;see cref="..."/&gt;</c> stays on one line.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        int depth = 0;
        foreach (char c in text)
        {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ' ' && depth == 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
            else
            {
                word.Append(c);
            }
        }

        words.Add(word.ToString());

        var line = new StringBuilder();
        foreach (string next in words)
        {
            if (line.Length > 0 && line.Length + 1 + next.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(next);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
