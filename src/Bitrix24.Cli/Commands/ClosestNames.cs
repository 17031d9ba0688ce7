namespace Bitrix24.Cli.Commands;

/// <summary>"Did you mean" for a mistyped method or parameter: near spellings, then names containing what was typed.</summary>
internal static class ClosestNames
{
    private const int MaxSuggestions = 3;

    /// <summary>The best matches for <paramref name="typed"/>, best first.</summary>
    /// <param name="typed">What the user wrote (<c>imopenlines.bot.session.mesage.send</c>, <c>--chat</c>).</param>
    /// <param name="candidates">Each candidate: every spelling it answers to, and the one to suggest.</param>
    public static IReadOnlyList<string> Find(string typed, IEnumerable<(IEnumerable<string> Spellings, string Suggestion)> candidates)
    {
        string word = typed.TrimStart('-');

        // Long method names share most of their letters, so the tolerance grows slowly and stays small.
        int tolerance = Math.Clamp(word.Length / 6, 1, 3);
        var matches = candidates
            .Select(candidate => (candidate.Suggestion, Score: candidate.Spellings.Min(spelling => Score(word, spelling.TrimStart('-'), tolerance))))
            .Where(match => match.Score is not null)
            .ToList();

        // Only the closest tier: a plain typo should not also suggest every name containing a common word.
        int? best = matches.Min(match => match.Score);
        return matches
            .Where(match => match.Score == best)
            .Select(match => match.Suggestion)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToArray();
    }

    /// <summary>Lower is closer; null when unrelated. A containing name ranks after every near spelling.</summary>
    private static int? Score(string typed, string candidate, int tolerance)
    {
        int distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
        if (distance <= tolerance)
        {
            return distance;
        }

        return typed.Length >= 3 && candidate.Contains(typed, StringComparison.OrdinalIgnoreCase) ? tolerance + 1 : null;
    }

    /// <summary>
    /// Edit distance with swaps (optimal string alignment): insertions, deletions, substitutions, and two
    /// neighbouring letters swapped, the commonest typo (<c>nmae</c> for <c>name</c>), each costing one.
    /// </summary>
    private static int Distance(string a, string b)
    {
        // Three rows: two before the current one, for swaps.
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
