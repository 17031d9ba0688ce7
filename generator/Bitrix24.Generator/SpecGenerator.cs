using System.Collections.Immutable;
using System.Text;
using Bitrix24.Generator.Building;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Emitting;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Parsing;
using Bitrix24.Generator.Target;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generator;

/// <summary>
/// Generates the Bitrix24 client from YAML method specs. The pipeline reads AdditionalFiles and
/// MSBuild properties; of the C# compilation only its references, in an app, reduced to a small
/// value, so editing C# code costs it next to nothing:
/// spec files → per-file parse (model + diagnostics, apart) → one cross-file step → one unit per file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<AdditionalText> specTexts = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SpecFileFilter.IsSpec(pair.Left, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.SpecFiles);

        IncrementalValuesProvider<ParseResult> parsed = specTexts
            .Select(static (text, cancellationToken) => SpecParser.Parse(text.Path, text.GetText(cancellationToken), cancellationToken))
            .WithTrackingName(TrackingNames.ParseSpec);

        context.RegisterSourceOutput(
            parsed.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.FileDiagnostics),
            static (output, diagnostics) => Report(output, diagnostics));

        IncrementalValuesProvider<SpecFile> files = parsed
            .Where(static result => result.File is not null)
            .Select(static (result, _) => result.File!)
            .WithTrackingName(TrackingNames.SpecModel);

        IncrementalValueProvider<GenerationTarget> target = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GenerationTargetReader.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Target);

        // The only look at the compilation: which methods and types the references already generate, and which
        // type names the default usings bring in.
        // Its result is a small value that stays equal while C# is edited, so nothing after it re-runs.
        IncrementalValueProvider<ReferencedApi> referenced = context.CompilationProvider
            .Combine(target)
            .Select(static (pair, cancellationToken) => pair.Right.IsSdk
                ? ReferencedApi.None with { DefaultUsingTypes = ReferencedApiReader.ReadDefaultUsingTypes(pair.Left, cancellationToken) }
                : ReferencedApiReader.Read(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.ReferencedApi);

        IncrementalValueProvider<SdkModel> sdk = files
            .Collect()
            .Combine(target)
            .Combine(referenced)
            .Select(static (input, cancellationToken) => SdkModelBuilder.Build(input.Left.Left, input.Left.Right, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.BuildSdk);

        context.RegisterSourceOutput(
            sdk.Select(static (model, _) => model.Diagnostics).WithTrackingName(TrackingNames.SdkDiagnostics),
            static (output, diagnostics) => Report(output, diagnostics));

        IncrementalValuesProvider<EmitUnit> units = sdk
            .SelectMany(static (model, _) => model.Units)
            .WithTrackingName(TrackingNames.EmitUnits);

        context.RegisterSourceOutput(units, static (output, unit) =>
            output.AddSource(unit.HintName, SourceText.From(Emitter.Emit(unit), Encoding.UTF8)));
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
