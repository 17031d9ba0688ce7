using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Units;

/// <summary>Everything to generate, and what the cross-file checks found.</summary>
internal sealed record SdkModel(EquatableArray<EmitUnit> Units, EquatableArray<DiagnosticInfo> Diagnostics);
