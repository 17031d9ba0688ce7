using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// Emits one REST method: the request type, the client methods in its group class (three call
/// shapes), the batch methods in its batch group class (two shapes), and the descriptor that writes
/// the body with <c>Utf8JsonWriter</c> and reads the result.
/// </summary>
internal static class MethodEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    private const string JsonReader = "global::System.Text.Json.Utf8JsonReader";

    public static string Emit(MethodModel method)
    {
        SourceWriter writer = GeneratedFile.Start("The REST method " + method.RestName + ".");
        writer.Line("namespace " + method.Namespace);
        using (writer.Open())
        {
            EmitRequest(writer, method);
            writer.Line();
            EmitClientMethods(writer, method);
            writer.Line();
            EmitBatchMethods(writer, method);
            writer.Line();
            EmitDescriptor(writer, method);
        }

        return writer.ToString();
    }

    private static void EmitRequest(SourceWriter writer, MethodModel method)
    {
        CSharpText.Doc(writer, "summary", "Parameters of <c>" + method.RestName + "</c>: " + Summary(method));
        writer.Line("/// <remarks>Unset optional parameters are not sent.</remarks>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public sealed partial class " + method.RequestType);
        using (writer.Open())
        {
            bool first = true;
            foreach (ParamModel param in method.Params)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                CSharpText.Doc(writer, "summary", ParamSummary(param));
                CSharpText.Doc(writer, "remarks", ParamRemarks(param));
                string type = param.Type.CSharpType + (param.IsRequired ? string.Empty : "?");
                writer.Line("public " + (param.IsRequired ? "required " : string.Empty) + type + " " + param.PropertyName + " { get; set; }");
            }
        }
    }

    private static void EmitClientMethods(SourceWriter writer, MethodModel method)
    {
        string request = method.RequestType;
        string result = ResultType(method.Result);
        string docs = SummaryAndRemarks(method, batch: false);
        writer.Line("partial class " + method.GroupType);
        using (writer.Open())
        {
            // 1. Parameters as arguments: required first in spec order, then optional ones defaulting to null.
            //    Its docs are those of the request overload below, but for the parameters.
            IEnumerable<ParamModel> ordered = ArgumentOrder(method);
            var arguments = Arguments(ordered).Concat(new[] { CancellationToken + " cancellationToken = default" });
            EmitInheritedDocs(writer, method.MethodName + "Async(" + request + ", " + CancellationToken + ")", ordered, cancellable: true);
            writer.Line("public " + Task + "<" + result + "> " + method.MethodName + "Async(" + string.Join(", ", arguments) + ")");
            using (writer.Open())
            {
                // No locals here: any name could clash with an argument named after a parameter.
                writer.Line("return " + method.MethodName + "Async(");
                writer.Indent();
                writer.Line("new " + request);
                using (writer.Open(","))
                {
                    foreach (ParamModel param in method.Params)
                    {
                        writer.Line(param.PropertyName + " = " + param.ArgumentName + ",");
                    }
                }

                writer.Line("cancellationToken);");
                writer.Unindent();
            }

            // 2. The request object.
            writer.Line();
            EmitMethodDocs(writer, docs, new[] { ("request", "The parameters of the call.") });
            CSharpText.Doc(writer, "returns", ResultDoc(method));
            EmitExceptionDocs(writer);
            writer.Line("public " + Task + "<" + result + "> " + method.MethodName + "Async(" + request + " request, " + CancellationToken + " cancellationToken = default)");
            using (writer.Open())
            {
                // The result alone: the runtime then skips building the time block and the response object.
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                writer.Line("return _client.CallForResultAsync(" + Descriptor(method) + ", request, cancellationToken);");
            }

            // 3. The whole envelope: result plus the time block.
            writer.Line();
            EmitMethodDocs(writer, docs, new[] { ("request", "The parameters of the call.") });
            CSharpText.Doc(writer, "returns",
                "The whole response: <see cref=\"global::Bitrix24.Bitrix24Response{T}.Result\"/> (" + CSharpText.Xml(method.ResultSummary ?? "the result").TrimEnd('.')
                + ") and the <see cref=\"global::Bitrix24.Bitrix24Response{T}.Time\"/> block.");
            EmitExceptionDocs(writer);
            writer.Line("public " + Task + "<global::Bitrix24.Bitrix24Response<" + result + ">> " + method.MethodName + "WithResponseAsync("
                + request + " request, " + CancellationToken + " cancellationToken = default)");
            using (writer.Open())
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                writer.Line("return _client.CallAsync(" + Descriptor(method) + ", request, cancellationToken);");
            }
        }
    }

    /// <summary>
    /// The batch methods: the same two input shapes as the client (arguments, request object), without a
    /// CancellationToken; each queues the command and returns its item, which ExecuteAsync completes.
    /// </summary>
    private static void EmitBatchMethods(SourceWriter writer, MethodModel method)
    {
        string request = method.RequestType;
        string item = "global::Bitrix24.Bitrix24BatchItem<" + ResultType(method.Result) + ">";
        string name = method.BatchMethodName;
        string docs = SummaryAndRemarks(method, batch: true);
        writer.Line("partial class " + method.BatchGroupType);
        using (writer.Open())
        {
            // 1. Parameters as arguments, in the client's order; docs from the request overload below, but for the parameters.
            IEnumerable<ParamModel> ordered = ArgumentOrder(method);
            EmitInheritedDocs(writer, name + "(" + request + ")", ordered, cancellable: false);
            writer.Line("public " + item + " " + name + "(" + string.Join(", ", Arguments(ordered)) + ")");
            using (writer.Open())
            {
                writer.Line("return " + name + "(");
                writer.Indent();
                writer.Line("new " + request);
                using (writer.Open(");"))
                {
                    foreach (ParamModel param in method.Params)
                    {
                        writer.Line(param.PropertyName + " = " + param.ArgumentName + ",");
                    }
                }

                writer.Unindent();
            }

            // 2. The request object.
            writer.Line();
            EmitBatchMethodDocs(writer, method, docs, new[] { ("request", "The parameters of the command.") });
            writer.Line("public " + item + " " + name + "(" + request + " request)");
            using (writer.Open())
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                writer.Line("return _batch.Add(" + Descriptor(method) + ", request);");
            }
        }
    }

    private static void EmitDescriptor(SourceWriter writer, MethodModel method)
    {
        string result = ResultType(method.Result);
        CSharpText.Doc(writer, "summary",
            "How <c>" + method.RestName + "</c> travels: its catalog entry, the body writer and the result reader.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("internal static class " + method.DescriptorType);
        using (writer.Open())
        {
            writer.Line("public static readonly global::Bitrix24.Bitrix24Method<" + method.RequestType + ", " + result + "> Descriptor = new()");
            using (writer.Open(";"))
            {
                writer.Line("Name = " + CSharpText.Literal(method.RestName) + ",");
                writer.Line("Summary = " + CSharpText.LiteralOrNull(method.Summary) + ",");
                writer.Line("DocsUrl = " + CSharpText.LiteralOrNull(method.DocsUrl) + ",");
                writer.Line("Scopes = new string[] { " + string.Join(", ", method.Scopes.Select(CSharpText.Literal)) + " },");
                writer.Line("IsIdempotent = " + (method.IsIdempotent ? "true" : "false") + ",");
                if (method.Params.IsEmpty)
                {
                    writer.Line("Parameters = global::System.Array.Empty<global::Bitrix24.Bitrix24ParameterInfo>(),");
                }
                else
                {
                    writer.Line("Parameters = new global::Bitrix24.Bitrix24ParameterInfo[]");
                    using (writer.Open(","))
                    {
                        foreach (ParamModel param in method.Params)
                        {
                            writer.Line("new()");
                            using (writer.Open(","))
                            {
                                writer.Line("WireName = " + CSharpText.Literal(param.WireName) + ",");
                                writer.Line("Name = " + CSharpText.Literal(param.PropertyName) + ",");
                                writer.Line("Type = " + ValueTypeExpression(param.Type) + ",");
                                writer.Line("IsRequired = " + (param.IsRequired ? "true" : "false") + ",");
                                writer.Line("Summary = " + CSharpText.LiteralOrNull(param.Summary) + ",");
                                writer.Line("Default = " + CSharpText.LiteralOrNull(param.Default) + ",");
                            }
                        }
                    }
                }

                writer.Line("Result = " + ValueTypeExpression(method.Result) + ",");
                writer.Line("WriteParameters = WriteParameters,");
                writer.Line("ReadResult = ReadResult,");
            }

            writer.Line();
            writer.Line("/// <summary>Writes the parameters as JSON properties with their exact wire names; unset optional ones are left out.</summary>");
            writer.Line("private static void WriteParameters(" + JsonWriter + " writer, " + method.RequestType + " request)");
            using (writer.Open())
            {
                for (int i = 0; i < method.Params.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.Line();
                    }

                    EmitWriteParameter(writer, method, method.Params[i]);
                }
            }

            writer.Line();
            writer.Line("/// <summary>Reads the value of <c>result</c>; the reader is on its first token.</summary>");
            writer.Line("private static " + result + " ReadResult(ref " + JsonReader + " reader)");
            using (writer.Open())
            {
                writer.Line("return " + ReadExpression(method.Result, "reader") + ";");
            }

            if (method.Result.IsArray)
            {
                writer.Line();
                writer.Line("/// <summary>Reads one item of the <c>result</c> list.</summary>");
                writer.Line("private static " + ResultItemType(method.Result) + " ReadResultItem(ref " + JsonReader + " reader)");
                using (writer.Open())
                {
                    writer.Line("return " + ReadElementExpression(method.Result, "reader") + ";");
                }
            }
        }
    }

    private static void EmitWriteParameter(SourceWriter writer, MethodModel method, ParamModel param)
    {
        string wire = CSharpText.Literal(param.WireName);
        string access = "request." + param.PropertyName;
        if (param.IsRequired)
        {
            if (param.Type.IsReferenceType)
            {
                writer.Line("if (" + access + " is null)");
                using (writer.Open())
                {
                    writer.Line("throw new global::System.ArgumentException(" + CSharpText.Literal(
                        param.WireName + " is required by " + method.RestName + "; set " + method.RequestType + "." + param.PropertyName + ".")
                        + ", nameof(request));");
                }

                writer.Line();
            }

            EmitWriteValue(writer, wire, access, param.Type);
            return;
        }

        string local = LocalName(param);
        writer.Line("if (" + access + " is { } " + local + ")");
        using (writer.Open())
        {
            EmitWriteValue(writer, wire, local, param.Type);
        }
    }

    private static void EmitWriteValue(SourceWriter writer, string wire, string value, ValueModel type)
    {
        if (!type.IsArray)
        {
            writer.Line(WriteProperty(wire, value, type));
            return;
        }

        writer.Line("writer.WriteStartArray(" + wire + ");");
        writer.Line("foreach (var item in " + value + ")");
        using (writer.Open())
        {
            writer.Line(WriteElement("item", type));
        }

        writer.Line();
        writer.Line("writer.WriteEndArray();");
    }

    private static string WriteProperty(string wire, string value, ValueModel type) => type.Kind switch
    {
        TypeKind.Int or TypeKind.Long or TypeKind.Double => "writer.WriteNumber(" + wire + ", " + value + ");",
        TypeKind.String => "writer.WriteString(" + wire + ", " + value + ");",
        TypeKind.Bool => "writer.WriteBoolean(" + wire + ", " + value + ");",
        TypeKind.YesNo => "writer.WriteString(" + wire + ", " + value + " ? \"Y\" : \"N\");",
        TypeKind.DateTime => "writer.WriteString(" + wire + ", global::Bitrix24.Bitrix24Json.FormatDateTime(" + value + "));",
        _ => "writer.WriteString(" + wire + ", " + type.EnumWireType + ".ToWire(" + value + "));",
    };

    private static string WriteElement(string value, ValueModel type) => type.Kind switch
    {
        TypeKind.Int or TypeKind.Long or TypeKind.Double => "writer.WriteNumberValue(" + value + ");",
        TypeKind.String => "writer.WriteStringValue(" + value + ");",
        TypeKind.Bool => "writer.WriteBooleanValue(" + value + ");",
        TypeKind.YesNo => "writer.WriteStringValue(" + value + " ? \"Y\" : \"N\");",
        TypeKind.DateTime => "writer.WriteStringValue(global::Bitrix24.Bitrix24Json.FormatDateTime(" + value + "));",
        _ => "writer.WriteStringValue(" + type.EnumWireType + ".ToWire(" + value + "));",
    };

    private static string ReadExpression(ValueModel type, string reader) =>
        type.IsArray
            ? "global::Bitrix24.Bitrix24Json.ReadArray<" + ResultItemType(type) + ">(ref " + reader + ", ReadResultItem)"
            : ReadElementExpression(type, reader);

    private static string ReadElementExpression(ValueModel type, string reader) => type.Kind switch
    {
        TypeKind.Int => "global::Bitrix24.Bitrix24Json.ReadInt32(ref " + reader + ")",
        TypeKind.Long => "global::Bitrix24.Bitrix24Json.ReadInt64(ref " + reader + ")",
        TypeKind.String => "global::Bitrix24.Bitrix24Json.ReadString(ref " + reader + ")",
        TypeKind.Bool or TypeKind.YesNo => "global::Bitrix24.Bitrix24Json.ReadBoolean(ref " + reader + ")",
        TypeKind.Double => "global::Bitrix24.Bitrix24Json.ReadDouble(ref " + reader + ")",
        TypeKind.DateTime => "global::Bitrix24.Bitrix24Json.ReadDateTime(ref " + reader + ")",
        _ => "global::Bitrix24.Bitrix24Json.ReadEnum<" + type.EnumType + ">(ref " + reader + ", " + type.EnumWireType + ".TryParse)",
    };

    /// <summary>The catalog's description of a type (for the command line and other tools).</summary>
    private static string ValueTypeExpression(ValueModel type)
    {
        string element = type.Kind switch
        {
            TypeKind.Int => "global::Bitrix24.Bitrix24ValueType.Int32",
            TypeKind.Long => "global::Bitrix24.Bitrix24ValueType.Int64",
            TypeKind.String => "global::Bitrix24.Bitrix24ValueType.String",
            TypeKind.Bool => "global::Bitrix24.Bitrix24ValueType.Boolean",
            TypeKind.YesNo => "global::Bitrix24.Bitrix24ValueType.YesNo",
            TypeKind.Double => "global::Bitrix24.Bitrix24ValueType.Double",
            TypeKind.DateTime => "global::Bitrix24.Bitrix24ValueType.DateTime",
            _ => type.EnumWireType + ".ValueType",
        };
        return type.IsArray ? "global::Bitrix24.Bitrix24ValueType.ArrayOf(" + element + ")" : element;
    }

    /// <summary>
    /// Strings in a result may be null on the wire, alone or in a list (<c>string?</c>,
    /// <c>IReadOnlyList&lt;string?&gt;</c>); a list itself reads null as empty.
    /// </summary>
    private static string ResultType(ValueModel type) =>
        type.Kind != TypeKind.String ? type.CSharpType
        : type.IsArray ? "global::System.Collections.Generic.IReadOnlyList<string?>"
        : "string?";

    /// <summary>The type of one item of a list result.</summary>
    private static string ResultItemType(ValueModel type) => type.Kind == TypeKind.String ? "string?" : type.ElementType;

    /// <summary>
    /// The method's descriptor, written in full: the group classes that name it also hold properties
    /// named after method segments, and one of those could otherwise stand for it.
    /// </summary>
    private static string Descriptor(MethodModel method) => "global::" + method.Namespace + "." + method.DescriptorType + ".Descriptor";

    private static string LocalName(ParamModel param) => param.ArgumentName.TrimStart('@') + "Value";

    /// <summary>Required parameters first in spec order, then the optional ones.</summary>
    private static IEnumerable<ParamModel> ArgumentOrder(MethodModel method) =>
        method.Params.Where(p => p.IsRequired).Concat(method.Params.Where(p => !p.IsRequired));

    /// <summary>The argument list of the parameter shape: optional arguments default to null.</summary>
    private static IEnumerable<string> Arguments(IEnumerable<ParamModel> ordered) =>
        ordered.Select(p => p.Type.CSharpType + (p.IsRequired ? " " + p.ArgumentName : "? " + p.ArgumentName + " = null"));

    /// <summary>
    /// The docs of the overload taking arguments: everything from the request overload
    /// (<paramref name="cref"/>), which IDEs and doc tools show in place, plus its own parameters. The
    /// summary and remarks are most of a method's file; written once, they halve what a spec costs to emit.
    /// </summary>
    private static void EmitInheritedDocs(SourceWriter writer, string cref, IEnumerable<ParamModel> parameters, bool cancellable)
    {
        writer.Line("/// <inheritdoc cref=\"", cref, "\"/>");
        foreach (ParamModel param in parameters)
        {
            CSharpText.Doc(writer, "param", ParamSummary(param), " name=\"" + param.ArgumentName.TrimStart('@') + "\"");
        }

        if (cancellable)
        {
            writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        }
    }

    /// <param name="docs">The method's summary and remarks (<see cref="SummaryAndRemarks"/>).</param>
    private static void EmitMethodDocs(SourceWriter writer, string docs, IEnumerable<(string Name, string Doc)> parameters)
    {
        writer.Lines(docs);
        foreach (var (name, doc) in parameters)
        {
            CSharpText.Doc(writer, "param", doc, " name=\"" + name + "\"");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
    }

    /// <param name="docs">The method's summary and remarks for a batch (<see cref="SummaryAndRemarks"/>).</param>
    private static void EmitBatchMethodDocs(SourceWriter writer, MethodModel method, string docs, IEnumerable<(string Name, string Doc)> parameters)
    {
        writer.Lines(docs);
        foreach (var (name, doc) in parameters)
        {
            CSharpText.Doc(writer, "param", doc, " name=\"" + name + "\"");
        }

        CSharpText.Doc(writer, "returns",
            "The queued command: once the batch has run, its <see cref=\"global::Bitrix24.Bitrix24BatchItem{T}.Result\"/> ("
            + CSharpText.Xml(method.ResultSummary ?? "the result").TrimEnd('.') + ") or its <see cref=\"global::Bitrix24.Bitrix24BatchItem.Error\"/>.");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A required parameter is missing; nothing is queued.</exception>");
        writer.Line("/// <exception cref=\"global::System.InvalidOperationException\">The batch has already been executed.</exception>");
    }

    /// <summary>
    /// The summary and remarks that every call shape of a method repeats (three on the client, two on
    /// the batch), rendered once per method and kind: they are the bulk of a method's file.
    /// </summary>
    private static string SummaryAndRemarks(MethodModel method, bool batch)
    {
        var block = new SourceWriter();
        EmitSummaryAndRemarks(block, method, batch);
        return block.ToString();
    }

    private static void EmitSummaryAndRemarks(SourceWriter writer, MethodModel method, bool batch)
    {
        CSharpText.Doc(writer, "summary", Summary(method));
        writer.Line("/// <remarks>");
        CSharpText.Doc(writer, "para", MethodFacts(method));
        if (batch)
        {
            CSharpText.Doc(writer, "para",
                "Queued in the batch: nothing is sent until <see cref=\"global::Bitrix24.Bitrix24Batch.ExecuteAsync\"/>, which sets the "
                + "returned item's result or error. The parameters are read now, when the command is queued.");
        }

        if (method.Remarks is not null)
        {
            CSharpText.Doc(writer, "para", CSharpText.Xml(method.Remarks));
        }

        CSharpText.Doc(writer, "para", (method.IsIdempotent, batch) switch
        {
            (true, false) => "Idempotent: the SDK may repeat this call after a failure that left its outcome unknown.",
            (false, false) => "Not idempotent: the SDK never repeats this call once it may have reached the portal.",
            (true, true) => "Idempotent: a batch call made only of idempotent commands may be repeated after a failure that left its outcome unknown.",
            (false, true) => "Not idempotent: a batch call holding this command is never repeated once it may have reached the portal.",
        });
        if (!method.Errors.IsEmpty)
        {
            // An app's codes have no Bitrix24ErrorCode member (the SDK's enum cannot grow from an app); the raw code is what to compare.
            writer.Line(method.Errors.All(e => e.MemberName is null) && !method.Errors.IsEmpty
                ? "/// <para>Errors the portal documents for this method (compare them with <see cref=\"global::Bitrix24.Bitrix24ApiException.Code\"/>):</para>"
                : "/// <para>Errors the portal documents for this method:</para>");
            writer.Line("/// <list type=\"bullet\">");
            foreach (ErrorDocModel error in method.Errors)
            {
                CSharpText.Doc(writer, "item", "<description>" + ErrorDoc(error) + "</description>");
            }

            writer.Line("/// </list>");
        }

        if (method.DocsUrl is not null)
        {
            writer.Line("/// <para>Official documentation: <see href=\"" + CSharpText.XmlAttribute(method.DocsUrl) + "\"/>.</para>");
        }

        writer.Line("/// </remarks>");
    }

    private static void EmitExceptionDocs(SourceWriter writer)
    {
        writer.Line("/// <exception cref=\"global::Bitrix24.Bitrix24ApiException\">The portal answered with an error; see its ErrorCode and Code.</exception>");
        writer.Line("/// <exception cref=\"global::Bitrix24.Bitrix24TransportException\">No valid answer came back (network failure, timeout, or a body that is not a Bitrix24 envelope).</exception>");
    }

    private static string MethodFacts(MethodModel method)
    {
        string facts = "REST method <c>" + method.RestName + "</c>";
        if (!method.Scopes.IsEmpty)
        {
            facts += "; scopes " + string.Join(", ", method.Scopes.Select(s => "<c>" + CSharpText.Xml(s) + "</c>"));
        }

        if (method.Access is not null)
        {
            facts += "; access: " + CSharpText.Xml(method.Access);
        }

        return facts + ".";
    }

    private static string ErrorDoc(ErrorDocModel error)
    {
        // The SDK's codes: the enum member, then the wire code and status. An app's: the wire code, then the status.
        var facts = new List<string>();
        string doc;
        if (error.MemberName is null)
        {
            doc = "<c>" + CSharpText.Xml(error.Code) + "</c>";
        }
        else
        {
            doc = "<see cref=\"global::Bitrix24.Bitrix24ErrorCode." + error.MemberName + "\"/>";
            facts.Add("<c>" + CSharpText.Xml(error.Code) + "</c>");
        }

        if (error.Status is { } status)
        {
            facts.Add("HTTP " + status.ToString(CultureInfo.InvariantCulture));
        }

        if (facts.Count > 0)
        {
            doc += " (" + string.Join(", ", facts) + ")";
        }
        if ((error.When ?? error.Description) is { } text)
        {
            doc += ": " + CSharpText.Xml(text);
        }

        return doc;
    }

    private static string Summary(MethodModel method) =>
        method.Summary is null ? "Calls <c>" + method.RestName + "</c>." : CSharpText.Xml(method.Summary);

    private static string ResultDoc(MethodModel method) =>
        method.ResultSummary is null ? "The method's result." : CSharpText.Xml(method.ResultSummary);

    private static string ParamSummary(ParamModel param) =>
        param.Summary is null ? "The <c>" + param.WireName + "</c> parameter." : CSharpText.Xml(param.Summary);

    private static string ParamRemarks(ParamModel param)
    {
        string remarks = "Sent as <c>" + param.WireName + "</c>" + (param.Type.Kind == TypeKind.YesNo ? " (\"Y\" or \"N\")" : string.Empty) + ".";
        remarks += param.IsRequired ? " Required." : " Optional.";
        if (param.Type.Kind == TypeKind.Enum)
        {
            remarks += (param.Type.IsArray ? " Each item is one of the values of" : " One of the values of") + " <see cref=\"" + param.Type.EnumType + "\"/>.";
        }

        if (param.Default is not null)
        {
            remarks += " The portal's default: <c>" + CSharpText.Xml(param.Default) + "</c>.";
        }

        if (param.Remarks is not null)
        {
            remarks += " " + CSharpText.Xml(param.Remarks);
        }

        return remarks;
    }
}
