using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Model.Specs;

namespace Bitrix24.Generator.Model.Units;

/// <summary>The <c>Bitrix24ErrorCode</c> enum with every declared code, and its code lookup.</summary>
internal sealed record ErrorCodesUnit(string HintName, EquatableArray<ErrorCodeModel> Codes) : EmitUnit(HintName);

/// <param name="Value">A hash of the wire code, so adding a code never changes another code's number in compiled user code.</param>
internal sealed record ErrorCodeModel(string Code, string MemberName, int Value, int? Status, string? Description, string? When, string? Remarks, RetryClass Retry);
