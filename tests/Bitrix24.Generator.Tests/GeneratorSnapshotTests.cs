using Bitrix24.Generator.Tests.Infrastructure;
using Bitrix24.Generator.Tests.TestSpecs;

namespace Bitrix24.Generator.Tests;

/// <summary>The generated files, compared with the reviewed snapshots under _snapshots/.</summary>
public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void RealSpecs()
    {
        Snapshot.Verify(GeneratorHarness.Run(RepositoryFiles.RealSpecs()));
    }

    [Fact]
    public void EveryTypeAndFeature()
    {
        Snapshot.Verify(GeneratorHarness.Run(FeatureSpecs.All()));
    }

    [Fact]
    public void NoSpecs()
    {
        // The error-code enum and the catalog exist even without specs: the runtime refers to them.
        Snapshot.Verify(GeneratorHarness.Run());
    }

    [Fact]
    public void BrokenSpecBesideGoodOnes()
    {
        // The broken file yields its diagnostics and no code; the good file is generated as usual.
        Snapshot.Verify(GeneratorHarness.Run(
            (FeatureSpecs.SharedEnumPath, FeatureSpecs.SharedEnum.Replace("type: Color", "type: Colour")),
            (FeatureSpecs.StringResultPath, FeatureSpecs.StringResult)));
    }
}
