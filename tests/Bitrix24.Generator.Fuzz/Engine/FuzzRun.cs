namespace Bitrix24.Generator.Fuzz;

/// <summary>
/// Runs cases <c>From</c>..<c>From+Cases-1</c> of a seed on a few worker threads and sums up what they
/// showed. Each worker has a 1 MB stack, Windows' default for a compiler's main thread, so a
/// recursion too deep for Windows kills this process here too (a "process death"); the journal then
/// names the cases that started and never ended.
/// </summary>
internal sealed class FuzzRun
{
    private const int WindowsStackSize = 1024 * 1024;

    public required int Seed { get; init; }

    public int From { get; init; }

    public required int Cases { get; init; }

    public FuzzMode Mode { get; init; } = FuzzMode.Sdk;

    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public TimeSpan SlowAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Compile each case's output (the default); false checks the generator alone.</summary>
    public bool Compile { get; init; } = true;

    /// <summary>A file that gets "start N" and "end N" per case, flushed at once; null for none.</summary>
    public string? JournalPath { get; init; }

    public FuzzSummary Run(Action<CaseOutcome>? progress = null)
    {
        var runner = new CaseRunner(Mode, SlowAfter, Compile);
        var summary = new FuzzSummary(Seed, Mode);
        using var journal = JournalPath is null ? null : new StreamWriter(JournalPath, append: false) { AutoFlush = true };
        int next = From - 1;
        var failures = new List<Exception>();
        var threads = Enumerable.Range(0, Math.Min(Workers, Cases)).Select(_ => new Thread(() =>
        {
            try
            {
                for (int number = Interlocked.Increment(ref next); number < From + Cases; number = Interlocked.Increment(ref next))
                {
                    Write(journal, "start " + number);
                    CaseOutcome outcome = runner.Run(FuzzCase.Create(Seed, number, Mode));
                    Write(journal, "end " + number);
                    summary.Add(outcome);
                    progress?.Invoke(outcome);
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }
            }
        }, WindowsStackSize)).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (failures.Count > 0)
        {
            throw new AggregateException("The fuzzer itself failed.", failures);
        }

        return summary;
    }

    private static void Write(StreamWriter? journal, string line)
    {
        if (journal is null)
        {
            return;
        }

        lock (journal)
        {
            journal.WriteLine(line);
        }
    }
}
