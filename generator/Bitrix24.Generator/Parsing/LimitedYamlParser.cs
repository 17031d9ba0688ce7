using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Hands YamlDotNet's event parser (a state machine, not recursive) to the node loader (recursive)
/// one event at a time, and stops with a <see cref="SpecLimitException"/> as soon as the nesting
/// passes <see cref="SpecLimits.MaxDepth"/> or an alias appears: before any recursion can get deep,
/// and in time linear in the file's size. It also remembers the last position read, so a failure
/// inside YamlDotNet can still be reported where it happened.
/// </summary>
internal sealed class LimitedYamlParser : IParser
{
    private readonly IParser _inner;
    private readonly CancellationToken _cancellationToken;
    private int _depth;
    private int _events;

    public LimitedYamlParser(IParser inner, CancellationToken cancellationToken)
    {
        _inner = inner;
        _cancellationToken = cancellationToken;
    }

    public ParsingEvent? Current => _inner.Current;

    /// <summary>Where the last event started and ended (the start of the file before any).</summary>
    public Mark LastStart { get; private set; } = Mark.Empty;

    public Mark LastEnd { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        if ((++_events & 0x3FF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        ParsingEvent current = _inner.Current!;
        LastStart = current.Start;
        LastEnd = current.End;
        switch (current)
        {
            case MappingStart or SequenceStart when ++_depth > SpecLimits.MaxDepth:
                throw new SpecLimitException(SpecLimitException.Kind.TooDeep, current.Start, current.End);
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case AnchorAlias alias:
                // Aliases let a short file stand for a huge or circular one; a spec states its values in full.
                throw new SpecLimitException(SpecLimitException.Kind.Alias, current.Start, current.End, alias.Value.Value);
        }

        return true;
    }
}
