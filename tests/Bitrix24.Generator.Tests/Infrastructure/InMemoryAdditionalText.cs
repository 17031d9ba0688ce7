using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>A spec file that lives only in memory, with a relative path so snapshots and messages are machine-independent.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
