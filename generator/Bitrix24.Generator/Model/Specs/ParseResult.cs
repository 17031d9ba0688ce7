using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>The outcome of reading one spec file: what it declares, and what is wrong with it, apart.</summary>
internal sealed record ParseResult(SpecFile? File, EquatableArray<DiagnosticInfo> Diagnostics);
