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
    public void EveryObjectTypeFeature()
    {
        Snapshot.Verify(GeneratorHarness.Run(ObjectTypeSpecs.All()));
    }

    [Fact]
    public void OutputDoesNotDependOnTheOrderOfFiles()
    {
        // MSBuild does not promise an order for AdditionalFiles; generated text must not care.
        var specs = RepositoryFiles.RealSpecs().Concat(FeatureSpecs.All().Where(s => s.Path is not FeatureSpecs.ErrorsPath and not FeatureSpecs.NamingPath)
            .Select(s => new InMemoryAdditionalText(s.Path, s.Text))).ToList();
        string Render(IEnumerable<InMemoryAdditionalText> files) => string.Join("\n", GeneratorHarness.Run(files).GetRunResult().Results
            .SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\n" + s.SourceText));

        Assert.Equal(Render(specs), Render(Enumerable.Reverse(specs)));
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
