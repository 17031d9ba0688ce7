using System.Globalization;

namespace Bitrix24.Generator.Fuzz;

/// <summary>The fuzzer's two commands: a run over many cases, and one case written out to look at.</summary>
internal static class FuzzCommands
{
    public static int RunMany(IReadOnlyDictionary<string, string> options)
    {
        var run = new FuzzRun
        {
            Seed = Int(options, "seed", 1),
            From = Int(options, "from", 0),
            Cases = Int(options, "cases", 10_000),
            Mode = Mode(options),
            Workers = Int(options, "workers", Environment.ProcessorCount),
            JournalPath = options.GetValueOrDefault("journal"),
            Compile = options.GetValueOrDefault("compile") switch
            {
                null or "yes" => true,
                "no" => false,
                string other => throw new ArgumentException($"--compile is yes or no, not '{other}'."),
            },
        };

        var started = DateTime.UtcNow;
        int done = 0;
        FuzzSummary summary = run.Run(outcome =>
        {
            int count = Interlocked.Increment(ref done);
            if (!outcome.IsClean)
            {
                Console.Error.WriteLine($"case {outcome.Number}: " + string.Join("; ", outcome.Problems.Select(p => p.Key + ": " + p.Value)));
            }

            if (count % 250 == 0)
            {
                Console.Error.WriteLine($"{count}/{run.Cases} cases in {(DateTime.UtcNow - started).TotalMinutes:F1} min");
            }
        });

        Console.WriteLine(summary.Render());
        Console.WriteLine($"Took {(DateTime.UtcNow - started).TotalMinutes:F1} min with {run.Workers} workers{(run.Compile ? "" : ", the generator alone (--compile no)")}.");
        return summary.CasesWithProblems == 0 ? 0 : 1;
    }

    public static int RunOne(IReadOnlyDictionary<string, string> options, int number)
    {
        int seed = Int(options, "seed", 1);
        FuzzCase fuzzCase = FuzzCase.Create(seed, number, Mode(options));
        string folder = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetTempPath(), $"b24g-fuzz-{seed}-{number}");
        foreach (var (path, text) in fuzzCase.Specs.Files)
        {
            string file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        Console.WriteLine($"Case {number} of seed {seed}, written to {folder}:");
        foreach (string edit in fuzzCase.Edits)
        {
            Console.WriteLine("  edit: " + edit);
        }

        var outcome = new CaseRunner(Mode(options), TimeSpan.FromSeconds(1)).Run(fuzzCase);
        Console.WriteLine($"  generator: {outcome.GeneratorErrors} B24G error(s) in {outcome.GeneratorTime.TotalMilliseconds:F0} ms");
        foreach (var (category, message) in outcome.Problems)
        {
            Console.WriteLine($"  {category}: {message}");
        }

        return outcome.IsClean ? 0 : 1;
    }

    private static int Int(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static FuzzMode Mode(IReadOnlyDictionary<string, string> options) =>
        options.GetValueOrDefault("mode") is "app" ? FuzzMode.App : FuzzMode.Sdk;
}

/// <summary><c>--name value</c> pairs.</summary>
internal static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs; '{args[i]}' is not one.");
            }

            options[args[i].Substring(2)] = args[++i];
        }

        return options;
    }
}
