using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Bitrix24.Generator.Naming;

/// <summary>
/// Turns wire names (method segments, parameter names, enum values, error codes) into C# names:
/// words split on '_', '.', '-' and spaces, each PascalCased unless naming.yaml spells it.
/// </summary>
internal sealed class CSharpNames
{
    private readonly IReadOnlyDictionary<string, string> _words;

    // The same wire names come back many times in one build (a scope and its groups in every method
    // name, CHAT_ID in many methods); spelling each once keeps the cross-file step cheap at hundreds of specs.
    private readonly Dictionary<string, string> _spelled = new(StringComparer.Ordinal);

    public CSharpNames(IReadOnlyDictionary<string, string> words) => _words = words;

    /// <summary><c>CHAT_ID</c> → <c>ChatId</c>, <c>imopenlines</c> → <c>ImOpenLines</c>, <c>botToken</c> → <c>BotToken</c>.</summary>
    public string Pascal(string wire)
    {
        if (!_spelled.TryGetValue(wire, out string? name))
        {
            name = Spell(wire);
            _spelled[wire] = name;
        }

        return name;
    }

    private string Spell(string wire)
    {
        var name = new StringBuilder(wire.Length);
        foreach (string part in wire.Split(new[] { '_', '.', '-', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (_words.TryGetValue(part.ToLowerInvariant(), out string? spelling))
            {
                name.Append(spelling);
            }
            else if (HasBothCases(part))
            {
                // Already camelCase or PascalCase: keep its humps.
                name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
            else
            {
                name.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1).ToLowerInvariant());
            }
        }

        return name.ToString();
    }

    /// <summary><c>ChatId</c> → <c>chatId</c>.</summary>
    public static string Camel(string pascal) =>
        pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

    /// <summary>
    /// A name usable for a type or member without escaping: ASCII letters, digits and underscores, not
    /// starting with a digit, not a keyword. C# allows more (other scripts, and formatting characters it
    /// ignores when it compares names), but then two names that differ here could be one to the
    /// compiler, and file names made from them could differ by file system.
    /// </summary>
    public static bool IsUsableName(string name)
    {
        if (name.Length == 0 || name[0] is >= '0' and <= '9')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
    }

    /// <summary>Prefixes C# keywords with '@' so <c>EVENT</c> can be the argument <c>@event</c>.</summary>
    public static string EscapeKeyword(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static bool HasBothCases(string part)
    {
        bool upper = false;
        bool lower = false;
        foreach (char c in part)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return upper && lower;
    }
}
