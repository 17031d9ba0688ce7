namespace Bitrix24.Generator.Fuzz;

/// <summary>What can go wrong in a case; each is a broken promise of the generator.</summary>
internal enum FuzzCategory
{
    /// <summary>The generator threw (the compiler reports CS8785 and generates nothing).</summary>
    GeneratorCrash,

    /// <summary>A diagnostic of the generator that is not a B24G one, or not located in one of the case's spec files.</summary>
    UnlocatedDiagnostic,

    /// <summary>B24G9001: the generator caught a failure of its own instead of describing the spec's problem.</summary>
    InternalError,

    /// <summary>The generated code, with the runtime, does not compile.</summary>
    Uncompilable,

    /// <summary>The generated code, with the runtime, has warnings (errors under TreatWarningsAsErrors).</summary>
    Warnings,

    /// <summary>A file with an error still got its method generated.</summary>
    EmittedForBrokenFile,

    /// <summary>The generator took longer than the limit (one second by default) on one case.</summary>
    Slow,
}
