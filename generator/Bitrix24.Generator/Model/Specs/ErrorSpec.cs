using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>What the runtime may do with a call that ended in an error (the spec's <c>retry:</c>).</summary>
internal enum RetryClass
{
    Never,
    IfIdempotent,
    AfterDelay,
    AfterReset,
    AfterRefresh,
}

/// <summary>
/// An error code, from <c>errors.yaml</c> or from a method's <c>errors:</c> list. Status and retry
/// are null when not written, so the same code may be listed again without repeating them.
/// </summary>
internal sealed record ErrorSpec(
    string Code,
    SpecLocation CodeLocation,
    string? Name,
    int? Status,
    string? Description,
    string? When,
    string? Remarks,
    RetryClass? Retry);
