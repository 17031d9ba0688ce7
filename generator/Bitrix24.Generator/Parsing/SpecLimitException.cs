using YamlDotNet.Core;

namespace Bitrix24.Generator.Parsing;

/// <summary>A spec file passed one of the <see cref="SpecLimits"/>, at a position.</summary>
internal sealed class SpecLimitException : System.Exception
{
    public enum Kind
    {
        TooDeep,
        Alias,
    }

    public SpecLimitException(Kind limit, Mark start, Mark end, string? name = null)
        : base(limit.ToString())
    {
        Limit = limit;
        Start = start;
        End = end;
        Name = name;
    }

    public Kind Limit { get; }

    public Mark Start { get; }

    public Mark End { get; }

    /// <summary>The alias's name, for <see cref="Kind.Alias"/>.</summary>
    public string? Name { get; }
}
