namespace Bitrix24;

/// <summary>The value types a spec can use.</summary>
public enum Bitrix24ValueKind
{
    /// <summary>A 32-bit integer (<c>int</c>).</summary>
    Int32,

    /// <summary>A 64-bit integer (<c>long</c>).</summary>
    Int64,

    /// <summary>Text (<c>string</c>).</summary>
    String,

    /// <summary>JSON <c>true</c>/<c>false</c> (<c>bool</c>).</summary>
    Boolean,

    /// <summary>A boolean sent as <c>"Y"</c>/<c>"N"</c> (<c>yn</c>).</summary>
    YesNo,

    /// <summary>A floating-point number (<c>double</c>).</summary>
    Double,

    /// <summary>An ISO 8601 date and time with offset (<c>datetime</c>).</summary>
    DateTime,

    /// <summary>One of a spec enum's wire values.</summary>
    Enum,

    /// <summary>A JSON array of <see cref="Bitrix24ValueType.ElementType"/>.</summary>
    Array,

    /// <summary>A spec object type: a JSON object with <see cref="Bitrix24ValueType.Members"/>.</summary>
    Object,

    /// <summary>A JSON object from string keys to <see cref="Bitrix24ValueType.ElementType"/> (<c>map&lt;T&gt;</c>).</summary>
    Map,

    /// <summary>Any JSON, passed as it is (<c>json</c>).</summary>
    Json,
}
