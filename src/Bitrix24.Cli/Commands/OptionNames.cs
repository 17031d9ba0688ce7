using System.Text;

namespace Bitrix24.Cli.Commands;

/// <summary>The command-line spellings of a parameter's wire name.</summary>
internal static class OptionNames
{
    /// <summary>
    /// The kebab-case of a wire name, for UPPER_CASE and camelCase alike: <c>CHAT_ID</c> is
    /// <c>chat-id</c>, <c>botId</c> is <c>bot-id</c>, <c>URLPreview</c> is <c>url-preview</c>.
    /// </summary>
    public static string Kebab(string wireName)
    {
        var text = new StringBuilder(wireName.Length + 4);
        for (int i = 0; i < wireName.Length; i++)
        {
            char c = wireName[i];
            if (c == '_')
            {
                text.Append('-');
                continue;
            }

            if (char.IsAsciiLetterUpper(c) && i > 0 && StartsWord(wireName, i))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>An upper-case letter after a lower-case letter or digit (<c>bot|Id</c>), or the last capital of an acronym before a word (<c>URL|Preview</c>).</summary>
    private static bool StartsWord(string name, int i)
    {
        char previous = name[i - 1];
        return char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)
            || (char.IsAsciiLetterUpper(previous) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]));
    }
}
