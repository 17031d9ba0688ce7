using System.Text;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests.Batch;

/// <summary>
/// How a command becomes the query string <c>batch</c> carries in <c>cmd</c>: PHP's
/// <c>http_build_query</c> spelling of the JSON the method's own writer produces.
/// </summary>
public sealed class BatchCommandEncoderTests
{
    [Theory]
    [InlineData("""{"CHAT_ID":112}""", "CHAT_ID=112")]
    [InlineData("""{"MESSAGE":"Hello, world!"}""", "MESSAGE=Hello%2C%20world%21")]
    [InlineData("""{"A":true,"B":false}""", "A=1&B=0")]
    [InlineData("""{"A":null,"B":"x"}""", "B=x")]
    [InlineData("""{"IDS":[1,2,3]}""", "IDS[0]=1&IDS[1]=2&IDS[2]=3")]
    [InlineData("""{"IDS":[1,null,3]}""", "IDS[0]=1&IDS[2]=3")]
    [InlineData("""{"IDS":[],"B":"x"}""", "B=x")]
    [InlineData("""{"FIELDS":{"TITLE":"a&b=c","TAGS":["x","y"],"EMPTY":{}}}""", "FIELDS[TITLE]=a%26b%3Dc&FIELDS[TAGS][0]=x&FIELDS[TAGS][1]=y")]
    [InlineData("""{"RATIO":1.5,"BIG":1E+20,"NEG":-3}""", "RATIO=1.5&BIG=1E%2B20&NEG=-3")]
    [InlineData("""{"AT":"2024-05-01T10:00:00+03:00"}""", "AT=2024-05-01T10%3A00%3A00%2B03%3A00")]
    [InlineData("""{"EMPTY":""}""", "EMPTY=")]
    [InlineData("""{"REF":"$result[c0][ID]"}""", "REF=%24result%5Bc0%5D%5BID%5D")]
    [InlineData("""{"a b":"c"}""", "a%20b=c")]
    [InlineData("""{}""", "")]
    public void Json_parameters_become_a_PHP_query_string(string json, string query)
    {
        Assert.Equal(query, BatchCommandEncoder.ToQuery(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Non_ASCII_text_is_percent_encoded_UTF_8()
    {
        Assert.Equal("M=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%20%F0%9F%91%8B", BatchCommandEncoder.ToQuery(Encoding.UTF8.GetBytes("""{"M":"Привет 👋"}""")));
        Assert.Equal("M=%D0%9F", BatchCommandEncoder.ToQuery(Encoding.UTF8.GetBytes("""{"M":"\u041F"}""")));
    }

    [Fact]
    public void A_generated_descriptor_is_encoded_with_the_method_name_and_its_wire_names_in_spec_order()
    {
        string command = BatchCommandEncoder.Encode(
            ImOpenLinesBotSessionTransferMethod.Descriptor,
            new ImOpenLinesBotSessionTransferRequest { ChatId = 112, TransferId = "queue1", Leave = true, ClientId = "demo-support-bot" });

        Assert.Equal("imopenlines.bot.session.transfer?CHAT_ID=112&TRANSFER_ID=queue1&LEAVE=Y&CLIENT_ID=demo-support-bot", command);
    }

    [Fact]
    public void A_method_without_parameters_to_send_is_just_its_name()
    {
        Bitrix24Method<object?, bool> profile = new()
        {
            Name = "profile",
            Result = Bitrix24ValueType.Boolean,
            WriteParameters = static (_, _) => { },
            ReadResult = Bitrix24Json.ReadBoolean,
        };

        Assert.Equal("profile", BatchCommandEncoder.Encode(profile, null));
    }
}
