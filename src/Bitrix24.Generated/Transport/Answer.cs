namespace Bitrix24;

/// <summary>
/// What one successful attempt brought back. <see cref="Time"/> is null when the caller asked for the
/// result alone (<see cref="Bitrix24Client.CallForResultAsync{TRequest, TResult}"/>): the time block is
/// then skipped but for <see cref="OperatingResetAt"/>, which the operating-limit gate needs either way.
/// </summary>
internal readonly record struct Answer<TResult>(
    TResult Result,
    Bitrix24ResponseTime? Time,
    DateTimeOffset? OperatingResetAt,
    int StatusCode,
    int? Total,
    int? Next)
{
    public Bitrix24Response<TResult> ToResponse() => new(Result, Time ?? Bitrix24ResponseTime.Empty, StatusCode, Total, Next);
}
