namespace Bitrix24.Generator.Model.Units;

/// <summary>
/// One generated file. Units are plain values without positions, so an edit that only moves
/// lines, or that changes another file, leaves this unit equal and its file is not re-emitted.
/// </summary>
internal abstract record EmitUnit(string HintName);
