using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The emulator's <c>http_build_query</c>: PHP's encoding of nested arrays (BOTS-V1-AND-EVENTS.md §1.1; imbot.v2
/// events.md "Data Types in Webhook Mode"). Expected strings are what PHP 8 prints for the same array, except that
/// the docs' <c>null</c> → <c>""</c> is kept where PHP would drop the key.
/// </summary>
public sealed class HttpBuildQueryTests
{
    [Fact]
    public void Nested_keys_get_percent_encoded_brackets_in_member_order()
    {
        var data = new JsonObject
        {
            ["event"] = "ONIMBOTV2MESSAGEADD",
            ["data"] = new JsonObject { ["bot"] = new JsonObject { ["id"] = 456, ["code"] = "support_bot" } },
            ["ts"] = "1772093963",
        };

        Assert.Equal(
            "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=456&data%5Bbot%5D%5Bcode%5D=support_bot&ts=1772093963",
            HttpBuildQuery.Encode(data));
    }

    [Fact]
    public void Every_scalar_becomes_a_string_as_the_docs_table_says()
    {
        var data = new JsonObject { ["int"] = 789, ["yes"] = true, ["no"] = false, ["none"] = null, ["text"] = "x", ["big"] = 9007199254740993L, ["real"] = 1.5 };

        Assert.Equal("int=789&yes=1&no=0&none=&text=x&big=9007199254740993&real=1.5", HttpBuildQuery.Encode(data));
    }

    [Fact]
    public void Lists_are_indexed_and_empty_arrays_and_objects_vanish_with_their_key()
    {
        var data = new JsonObject
        {
            ["departments"] = new JsonArray(1, 5),
            ["params"] = new JsonObject(),
            ["muteList"] = new JsonArray(),
            ["nested"] = new JsonObject { ["inner"] = new JsonObject(), ["list"] = new JsonArray(new JsonObject { ["a"] = "b" }) },
            ["last"] = "z",
        };

        Assert.Equal("departments%5B0%5D=1&departments%5B1%5D=5&nested%5Blist%5D%5B0%5D%5Ba%5D=b&last=z", HttpBuildQuery.Encode(data));
        Assert.Equal(string.Empty, HttpBuildQuery.Encode(new JsonObject { ["only"] = new JsonArray() }));
    }

    [Theory]
    [InlineData("Hello bot!", "Hello+bot%21")]
    [InlineData("a-b_c.d~e", "a-b_c.d%7Ee")]
    [InlineData("x=1&y=[2]", "x%3D1%26y%3D%5B2%5D")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("Привет", "%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("[USER=5]Bot[/USER]", "%5BUSER%3D5%5DBot%5B%2FUSER%5D")]
    public void Values_are_urlencoded_as_PHP_does(string value, string encoded)
    {
        Assert.Equal("v=" + encoded, HttpBuildQuery.Encode(new JsonObject { ["v"] = value }));
    }

    [Fact]
    public void Keys_inside_brackets_are_urlencoded_too()
    {
        Assert.Equal("a%5Bb+c%5D%5Bd%26e%5D=1", HttpBuildQuery.Encode(new JsonObject { ["a"] = new JsonObject { ["b c"] = new JsonObject { ["d&e"] = 1 } } }));
    }

    [Fact]
    public void Decode_reverses_encode()
    {
        var data = new JsonObject
        {
            ["data"] = new JsonObject { ["message"] = new JsonObject { ["text"] = "Hi there & [b]bye[/b] 😀", ["isSystem"] = false } },
        };

        IReadOnlyList<KeyValuePair<string, string>> pairs = HttpBuildQuery.Decode(HttpBuildQuery.Encode(data));

        Assert.Equal(
            [new("data[message][text]", "Hi there & [b]bye[/b] 😀"), new("data[message][isSystem]", "0")],
            pairs);
    }
}
