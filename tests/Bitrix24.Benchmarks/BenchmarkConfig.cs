using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;

namespace Bitrix24.Benchmarks;

/// <summary>
/// BenchmarkDotNet's defaults, plus what every benchmark here reports: the median beside the mean (shared
/// machines are noisy and the median shrugs off outliers), allocations, and ratios to the baseline as
/// plain numbers, in the order the benchmarks are declared. The job comes from the command line.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
        WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));
    }
}
