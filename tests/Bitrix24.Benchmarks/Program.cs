using BenchmarkDotNet.Running;
using Bitrix24.Benchmarks;
using Bitrix24.Benchmarks.Generator;
using Bitrix24.Benchmarks.Throughput;

// Kinds of run (docs/benchmarks.md has the exact commands and the figures):
//   throughput [--scale N]   1 000 sends and 1 000 batched sends against the emulator's real leaky bucket
//   specs <count> <folder>   writes <count> synthetic method specs made from the real ones (what the generator benchmark uses)
//   generator-edit [counts]  which files the generator re-emits after one spec of many is edited (Markdown table)
//   anything else            BenchmarkDotNet's switcher: --filter '*SendBenchmarks*', '*Generator*', --list flat, ...
return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputCommand.RunAsync(args[1..]),
    "specs" => SyntheticSpecsCommand.Run(args[1..]),
    "generator-edit" => GeneratorEditReport.Run(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
    return 0;
}
