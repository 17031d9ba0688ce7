using System.Globalization;
using System.Linq;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>Emits <c>Bitrix24ErrorCode</c> (every code any spec declares) and its lookups.</summary>
internal static class ErrorCodesEmitter
{
    public static string Emit(ErrorCodesUnit unit)
    {
        SourceWriter writer = GeneratedFile.Start("Every error code the specs declare.");
        writer.Line("namespace Bitrix24;");
        writer.Line();
        writer.Line("/// <summary>The error codes the specs declare (system codes from errors.yaml and each method's codes).</summary>");
        writer.Line("/// <remarks>");
        writer.Line("/// Compare with these members instead of the raw text of <see cref=\"global::Bitrix24.Bitrix24ApiException.Code\"/>.");
        writer.Line("/// Each number is a hash of the wire code, so it stays the same when codes are added or removed.");
        writer.Line("/// </remarks>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public enum Bitrix24ErrorCode");
        using (writer.Open())
        {
            writer.Line("/// <summary>A code no spec declares; <see cref=\"global::Bitrix24.Bitrix24ApiException.Code\"/> keeps the raw code.</summary>");
            writer.Line("Unknown = 0,");
            foreach (ErrorCodeModel code in unit.Codes)
            {
                writer.Line();
                CSharpText.Doc(writer, "summary", CSharpText.Xml(code.Description ?? code.Code));
                CSharpText.Doc(writer, "remarks", Remarks(code));
                writer.Line(code.MemberName, " = ", code.Value.ToString(CultureInfo.InvariantCulture), ",");
            }
        }

        var byCode = unit.Codes.OrderBy(c => c.Code, System.StringComparer.Ordinal).ToArray();
        writer.Line();
        writer.Line("/// <summary>Lookups over <see cref=\"Bitrix24ErrorCode\"/>.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public static partial class Bitrix24ErrorCodes");
        using (writer.Open())
        {
            writer.Line("/// <summary>The member for a wire code (exact match; codes mix upper and lower case), or <see cref=\"Bitrix24ErrorCode.Unknown\"/>.</summary>");
            writer.Line("public static Bitrix24ErrorCode FromCode(string? code)");
            using (writer.Open())
            {
                writer.Line("return code switch");
                using (writer.Open(";"))
                {
                    foreach (ErrorCodeModel code in byCode)
                    {
                        writer.Line(CSharpText.Literal(code.Code), " => Bitrix24ErrorCode.", code.MemberName, ",");
                    }

                    writer.Line("_ => Bitrix24ErrorCode.Unknown,");
                }
            }

            writer.Line();
            writer.Line("/// <summary>The wire code of a member, or null for <see cref=\"Bitrix24ErrorCode.Unknown\"/>.</summary>");
            writer.Line("public static string? ToCode(Bitrix24ErrorCode errorCode)");
            using (writer.Open())
            {
                writer.Line("return errorCode switch");
                using (writer.Open(";"))
                {
                    foreach (ErrorCodeModel code in byCode)
                    {
                        writer.Line("Bitrix24ErrorCode.", code.MemberName, " => ", CSharpText.Literal(code.Code), ",");
                    }

                    writer.Line("_ => null,");
                }
            }

            writer.Line();
            writer.Line("/// <summary>What a client may do after this error, as the spec's <c>retry:</c> says.</summary>");
            writer.Line("public static global::Bitrix24.Bitrix24RetryClass GetRetryClass(Bitrix24ErrorCode errorCode)");
            using (writer.Open())
            {
                writer.Line("return errorCode switch");
                using (writer.Open(";"))
                {
                    foreach (ErrorCodeModel code in byCode.Where(c => c.Retry != RetryClass.Never))
                    {
                        writer.Line("Bitrix24ErrorCode.", code.MemberName, " => global::Bitrix24.Bitrix24RetryClass.", code.Retry.ToString(), ",");
                    }

                    writer.Line("_ => global::Bitrix24.Bitrix24RetryClass.Never,");
                }
            }
        }

        return writer.Finish();
    }

    private static string Remarks(ErrorCodeModel code)
    {
        string remarks = "<c>" + CSharpText.Xml(code.Code) + "</c>";
        if (code.Status is { } status)
        {
            remarks += ", HTTP " + status.ToString(CultureInfo.InvariantCulture);
        }

        remarks += ".";
        if (code.When is not null)
        {
            remarks += " " + CSharpText.Xml(code.When);
        }

        if (code.Remarks is not null)
        {
            remarks += " " + CSharpText.Xml(code.Remarks);
        }

        return remarks;
    }
}
