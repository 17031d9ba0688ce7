using System.Globalization;
using Bitrix24.Generator.Fuzz;

// The generator's fuzzer (see README.md beside this file):
//   [--seed 1] [--cases 10000] [--from 0] [--mode sdk|app] [--workers N] [--journal FILE] [--compile yes|no]   a run: a table per category
//   --case N [--seed 1] [--mode sdk|app] [--out DIR]                                         one case: its edits, files and problems
var options = Arguments.Parse(args);
if (options.TryGetValue("case", out string? single))
{
    return FuzzCommands.RunOne(options, int.Parse(single, CultureInfo.InvariantCulture));
}

return FuzzCommands.RunMany(options);
