using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>The method catalog: references to each method's descriptor (names only, not docs).</summary>
internal sealed record CatalogUnit(string HintName, EquatableArray<string> Descriptors) : EmitUnit(HintName);
