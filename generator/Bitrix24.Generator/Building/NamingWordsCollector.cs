using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;

namespace Bitrix24.Generator.Building;

/// <summary>The words of every naming file, merged; a word spelled two ways is B24G2005 at the later file.</summary>
internal static class NamingWordsCollector
{
    public static Dictionary<string, string> Collect(SpecFile[] files, BuildContext context)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, SpecLocation>(StringComparer.Ordinal);
        foreach (NamingWordSpec word in files.SelectMany(f => f.Words))
        {
            if (words.TryGetValue(word.Word, out string? spelling))
            {
                if (spelling != word.Spelling)
                {
                    context.Report(DiagnosticDescriptors.ConflictingNamingWord, word.Location, word.Word, word.Spelling, spelling, BuildContext.Where(firstSeen[word.Word]));
                }

                continue;
            }

            words[word.Word] = word.Spelling;
            firstSeen[word.Word] = word.Location;
        }

        return words;
    }
}
