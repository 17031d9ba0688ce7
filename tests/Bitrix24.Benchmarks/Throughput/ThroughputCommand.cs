using System.Globalization;

namespace Bitrix24.Benchmarks.Throughput;

/// <summary>
/// <c>throughput [--messages 1000] [--senders 50] [--scale 10] [--plot file.svg]</c>: runs both
/// throughput scenarios, prints a Markdown table, and optionally plots the one-by-one run against the limit.
/// Exits 1 when a message was lost or duplicated or an error reached the caller.
/// </summary>
internal static class ThroughputCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int messages = 1000, senders = 50;
        double scale = 10;
        string? plot = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool ok = args[i] switch
            {
                "--messages" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out messages) && messages > 0,
                "--senders" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out senders) && senders > 0,
                "--scale" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) && scale >= 1,
                "--plot" => (plot = value) is not null,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"Bad or incomplete option '{args[i]}'. Usage: throughput [--messages 1000] [--senders 50] [--scale 10] [--plot file.svg]");
                return 2;
            }

            i++;
        }

        Console.WriteLine($"{messages} messages to the emulator (leaky bucket 2/s, 50), clock ×{scale.ToString(CultureInfo.InvariantCulture)}, client defaults (Standard pacing)...");
        ThroughputResult oneByOne = await ThroughputRun.SendOneByOneAsync(messages, senders, scale);
        ThroughputResult batch = await ThroughputRun.SendInBatchAsync(messages, scale);

        Console.WriteLine();
        Console.WriteLine("| Run | Messages | HTTP calls | 503s refused and repeated | Limit errors to the caller | Other errors | Delivered once | Portal time | Theoretical minimum | Share of maximum rate |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (ThroughputResult result in new[] { oneByOne, batch })
        {
            string share = result.TheoreticalMinimum > TimeSpan.Zero ? result.ShareOfMaximum.ToString("P1", CultureInfo.InvariantCulture) : "n/a (within the burst)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Name} | {result.Messages} | {result.HttpCalls} | {result.Refused} | {result.SurfacedLimitErrors} | {result.OtherErrors} | {result.Delivered - result.Duplicates} | {result.Duration.TotalSeconds:0.0} s | {result.TheoreticalMinimum.TotalSeconds:0.0} s | {share} |"));
        }

        if (plot is not null)
        {
            File.WriteAllText(plot, ThroughputPlot.Render(oneByOne, ratePerSecond: 2, burst: 50));
            Console.WriteLine($"Plot written to {plot}");
        }

        return oneByOne.IsComplete && batch.IsComplete ? 0 : 1;
    }
}
