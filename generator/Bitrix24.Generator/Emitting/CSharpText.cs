using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generator.Emitting;

/// <summary>Turns spec text into C# string literals and XML doc text.</summary>
internal static class CSharpText
{
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string LiteralOrNull(string? value) => value is null ? "null" : Literal(value);

    /// <summary>
    /// Spec text as XML doc text: <c>&amp; &lt; &gt;</c> escaped; whitespace, line breaks (including
    /// U+0085, U+2028 and U+2029, which end a <c>///</c> line in C#) collapsed into single spaces;
    /// characters XML does not allow (control characters, lone surrogates, U+FFFE, U+FFFF) left out.
    /// </summary>
    public static string Xml(string? text) => Escape(text, attribute: false);

    /// <summary>The same for an attribute value in double quotes (<c>href="..."</c>): <c>"</c> is escaped too.</summary>
    public static string XmlAttribute(string? text) => Escape(text, attribute: true);

    private static string Escape(string? text, bool attribute)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (IsPlainXml(text, attribute))
        {
            // Most spec text needs no change; it is the same string, not a copy (docs repeat it on every call shape).
            return text;
        }

        var result = new StringBuilder(text.Length);
        bool space = false;
        string trimmed = text.Trim();
        for (int i = 0; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]))
            {
                AppendSpace(result, ref space);
                result.Append(c).Append(trimmed[++i]);
                continue;
            }

            if (!IsXmlChar(c))
            {
                continue;
            }

            AppendSpace(result, ref space);
            switch (c)
            {
                case '&':
                    result.Append("&amp;");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '"' when attribute:
                    result.Append("&quot;");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    private static void AppendSpace(StringBuilder result, ref bool space)
    {
        if (space && result.Length > 0)
        {
            result.Append(' ');
        }

        space = false;
    }

    /// <summary>A character XML 1.0 allows on its own (surrogates only in pairs, handled by the caller).</summary>
    private static bool IsXmlChar(char c) =>
        c >= 0x20 && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';

    /// <summary>Writes a doc element, splitting long text over several <c>///</c> lines at spaces.</summary>
    public static void Doc(SourceWriter writer, string element, string xmlText, string attributes = "")
    {
        // The lengths of "<element attributes>" and "</element>", written in parts rather than built as strings.
        int tags = (element.Length + attributes.Length + 2) + (element.Length + 3);
        if (tags + xmlText.Length <= 110)
        {
            writer.DocElement(element, attributes, xmlText);
            return;
        }

        writer.Line("/// <", element, attributes, ">");
        WriteWrapped(writer, xmlText, 110);
        writer.Line("/// </", element, ">");
    }

    /// <summary>True when <see cref="Xml"/> would return the text as it is: nothing to escape, drop or trim, single spaces only.</summary>
    private static bool IsPlainXml(string text, bool attribute)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]))
        {
            return text.Length == 0;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '&' or '<' or '>' || (c == '"' && attribute) || !IsXmlChar(c) || (char.IsWhiteSpace(c) && (c != ' ' || char.IsWhiteSpace(text[i + 1]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="text"/> as <c>///</c> lines of at most <paramref name="width"/> characters
    /// where possible: split at spaces outside XML tags, so a <c>&lt;see cref="..."/&gt;</c> stays on one
    /// line; a word longer than the width gets a line of its own. Words are separated by single spaces,
    /// so each line is a slice of the text and is copied straight into the output: this runs for every
    /// doc comment of every method, and a string per word and per line made it the emitter's largest cost.
    /// </summary>
    private static void WriteWrapped(SourceWriter writer, string text, int width)
    {
        int lineStart = 0;
        int lineLength = 0;
        int wordStart = 0;
        int depth = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                char c = text[i];
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                if (c != ' ' || depth != 0)
                {
                    continue;
                }
            }

            // text[wordStart, i) is a word (possibly empty, between two spaces).
            int wordLength = i - wordStart;
            if (lineLength > 0 && lineLength + 1 + wordLength > width)
            {
                writer.Line("/// ", text, lineStart, lineLength);
                lineLength = 0;
            }

            if (lineLength > 0)
            {
                // The space before the word is the one in the text: the line stays one slice.
                lineLength += 1 + wordLength;
            }
            else
            {
                // An empty word never starts a line, as the space that would precede it is dropped.
                lineStart = wordStart;
                lineLength = wordLength;
            }

            wordStart = i + 1;
        }

        if (lineLength > 0)
        {
            writer.Line("/// ", text, lineStart, lineLength);
        }
    }
}
