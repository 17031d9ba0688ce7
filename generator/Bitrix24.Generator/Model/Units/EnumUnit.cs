using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>The file of one spec enum and its wire-value converter.</summary>
internal sealed record EnumUnit(string HintName, EnumModel Enum) : EmitUnit(HintName);

internal sealed record EnumModel(string Namespace, string Name, string WireType, string Scope, string? Summary, EquatableArray<EnumMemberModel> Members);

internal sealed record EnumMemberModel(string Name, string Wire, string? Summary);
