namespace Bitrix24.Generator.Parsing;

/// <summary>
/// How big a spec file may be. The limits are far above any real spec (the largest is a few
/// kilobytes and four levels deep) and far below what could hurt the compiler the generator runs in:
/// YamlDotNet builds its nodes recursively, and a value nested some thousands of levels deep
/// overflows a 1 MB stack (Windows' default), which kills the whole build without a message.
/// </summary>
internal static class SpecLimits
{
    /// <summary>Characters in one spec file (1 MiB).</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>Mappings and lists inside each other; a method spec needs four.</summary>
    public const int MaxDepth = 64;

    /// <summary>Diagnostics reported for one file; after that, one more says the rest were left out.</summary>
    public const int MaxDiagnostics = 100;
}
