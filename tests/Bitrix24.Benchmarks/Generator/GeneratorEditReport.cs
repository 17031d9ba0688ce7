using System.Diagnostics;
using System.Globalization;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// The edit half of the generator's targets, as a markdown table: after one spec of many is edited,
/// how many files the generator emits again (target: at most 2), which ones, and how long that run
/// takes. Counts come from a driver with step tracking on; times from one with it off, as in the
/// compiler (median of <see cref="TimedRuns"/> runs by Stopwatch after a warm-up;
/// GeneratorEditBenchmarks gives the official figure).
/// <code>
/// dotnet run -c Release --project tests/Bitrix24.Benchmarks -- generator-edit [spec counts, default 500]
/// </code>
/// </summary>
internal static class GeneratorEditReport
{
    private const int MaxReEmittedFiles = 2;
    private const int TimedRuns = 20;

    /// <summary>
    /// Warm-up before timing: enough runs, for long enough, that the JIT has replaced its first quick
    /// code with optimized code (tiered compilation), as it has in a compiler that has been running.
    /// </summary>
    private const int WarmupRuns = 30;
    private static readonly TimeSpan s_warmupTime = TimeSpan.FromSeconds(2);

    /// <returns>0 when every edit meets the target; 1 when a count cannot be determined; 3 when the target is missed; 2 for bad arguments.</returns>
    public static int Run(string[] args)
    {
        List<int> counts = [];
        foreach (string arg in args.DefaultIfEmpty("500"))
        {
            if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                Console.Error.WriteLine("usage: generator-edit [spec count (1 or more) ...]");
                return 2;
            }

            counts.Add(count);
        }

        bool met = true;
        Console.WriteLine("| Specs | Edited spec | Edit | Files re-emitted | Emit units modified | Re-emitted files | Incremental run, median of " + TimedRuns + " |");
        Console.WriteLine("|------:|-------------|------|-----------------:|--------------------:|------------------|------------:|");
        foreach (int count in counts)
        {
            var tracked = new EditScenario(count, trackSteps: true);
            var timed = new EditScenario(count, trackSteps: false);
            foreach (SpecEdit edit in Enum.GetValues<SpecEdit>())
            {
                EditOutcome outcome;
                try
                {
                    outcome = EditOutcome.Read(tracked.BaseDriver, tracked.RunEdited(edit));
                }
                catch (InvalidOperationException ex)
                {
                    Console.Error.WriteLine($"{count} specs, {edit}: the re-emitted files cannot be counted: {ex.Message}");
                    return 1;
                }

                met &= outcome.ReEmittedFiles <= MaxReEmittedFiles;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {count} | {Path.GetFileName(tracked.Target.Path)} | {edit} | {outcome.ReEmittedFiles} | {outcome.ModifiedUnits} | {string.Join(", ", outcome.HintNames)} | {MedianMilliseconds(() => timed.RunEdited(edit)):F2} ms |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(met ? $"Target met: no edit re-emits more than {MaxReEmittedFiles} files." : $"Target missed: an edit re-emits more than {MaxReEmittedFiles} files.");
        return met ? 0 : 3;
    }

    private static double MedianMilliseconds(Action run)
    {
        long warmupStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < WarmupRuns || Stopwatch.GetElapsedTime(warmupStart) < s_warmupTime; i++)
        {
            run();
        }

        // The garbage of the setup and warm-up is collected now, not during the timed runs.
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var times = new double[TimedRuns];
        for (int i = 0; i < TimedRuns; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[(TimedRuns - 1) / 2] + times[TimedRuns / 2]) / 2;
    }
}
