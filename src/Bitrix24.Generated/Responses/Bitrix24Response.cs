namespace Bitrix24;

/// <summary>A successful answer: the <c>result</c> and everything the envelope carries beside it.</summary>
/// <typeparam name="T">The type of <c>result</c>.</typeparam>
public sealed class Bitrix24Response<T>
{
    /// <summary>Creates the response (public so tests of user code can build one).</summary>
    public Bitrix24Response(T result, Bitrix24ResponseTime time, int statusCode, int? total = null, int? next = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Result = result;
        Time = time;
        StatusCode = statusCode;
        Total = total;
        Next = next;
    }

    /// <summary>The value of <c>result</c>.</summary>
    public T Result { get; }

    /// <summary>The <c>time</c> block; fields the portal left out are null.</summary>
    public Bitrix24ResponseTime Time { get; }

    /// <summary>The HTTP status (200).</summary>
    public int StatusCode { get; }

    /// <summary>For list methods, the total number of items (<c>total</c>).</summary>
    public int? Total { get; }

    /// <summary>For list methods, the <c>start</c> of the next page (<c>next</c>); null on the last page.</summary>
    public int? Next { get; }
}
