using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// The assembly attribute listing every REST method generated here, which the generator reads in
/// referencing projects so their specs cannot declare the same method again.
/// </summary>
internal sealed record GeneratedMethodsUnit(string HintName, EquatableArray<string> Methods) : EmitUnit(HintName);
