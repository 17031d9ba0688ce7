using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
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
        writer.Line("namespace ", method.Namespace, ";");
        writer.Line();
        EmitRequest(writer, method);
        writer.Line();
        EmitClientMethods(writer, method);
        writer.Line();
        EmitBatchMethods(writer, method);
        writer.Line();
        EmitDescriptor(writer, method);

        return writer.Finish();
    }

    private static void EmitRequest(SourceWriter writer, MethodModel method)
    {
        CSharpText.Doc(writer, "summary", "Parameters of <c>" + method.RestName + "</c>: " + Summary(method));
        writer.Line("/// <remarks>Unset optional parameters are not sent.</remarks>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public sealed partial class ", method.RequestType);
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
                MemberCode.Declare(writer, param.PropertyName, param.Type, param.IsRequired, MemberCode.IsTracked(param.Type));
            }
        }
    }

    private static void EmitClientMethods(SourceWriter writer, MethodModel method)
    {
        string request = method.RequestType;
        string result = ResultType(method.Result);
        writer.Line("partial class ", method.GroupType);
        using (writer.Open())
        {
            // 1. Parameters as arguments: required first in spec order, then optional ones defaulting to null.
            //    Its docs are those of the request overload below, but for the parameters.
            IEnumerable<ParamModel> ordered = ArgumentOrder(method);
            var arguments = Arguments(ordered).Concat(new[] { CancellationToken + " cancellationToken = default" });
            EmitInheritedDocs(writer, method.MethodName + "Async(" + request + ", " + CancellationToken + ")", ordered, cancellable: true);
            writer.Line("public ", Task, "<", result, "> ", method.MethodName, "Async(", string.Join(", ", arguments), ")");
            using (writer.Open())
            {
                // No locals here: any name could clash with an argument named after a parameter.
                writer.Line("return ", method.MethodName, "Async(");
                writer.Indent();
                writer.Line("new ", request);
                using (writer.Open(","))
                {
                    foreach (ParamModel param in method.Params)
                    {
                        writer.Line(param.PropertyName, " = ", param.ArgumentName, ",");
                    }
                }

                writer.Line("cancellationToken);");
                writer.Unindent();
            }

            // 2. The request object.
            writer.Line();
            // The method's docs proper; the other call shapes inherit them.
            EmitSummaryAndRemarks(writer, method);
            writer.Line("/// <param name=\"request\">The parameters of the call.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            CSharpText.Doc(writer, "returns", ResultDoc(method));
            EmitExceptionDocs(writer);
            writer.Line("public ", Task, "<", result, "> ", method.MethodName, "Async(", request, " request, ", CancellationToken, " cancellationToken = default)");
            using (writer.Open())
            {
                // The result alone: the runtime then skips building the time block and the response object.
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                writer.Line("return _client.CallForResultAsync(", Descriptor(method), ", request, cancellationToken);");
            }

            // 3. The whole envelope: result plus the time block. Its docs are those of the request overload but for what it returns.
            writer.Line();
            writer.Line("/// <inheritdoc cref=\"", RequestOverload(method), "\" path=\"/*[not(self::returns)]\"/>");
            CSharpText.Doc(writer, "returns",
                "The whole response: <see cref=\"global::Bitrix24.Bitrix24Response{T}.Result\"/> (" + CSharpText.Xml(method.ResultSummary ?? "the result").TrimEnd('.')
                + ") and the <see cref=\"global::Bitrix24.Bitrix24Response{T}.Time\"/> block.");
            writer.Line("public " + Task + "<global::Bitrix24.Bitrix24Response<" + result + ">> " + method.MethodName + "WithResponseAsync("
                + request + " request, " + CancellationToken + " cancellationToken = default)");
            using (writer.Open())
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                writer.Line("return _client.CallAsync(", Descriptor(method), ", request, cancellationToken);");
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
        writer.Line("partial class ", method.BatchGroupType);
        using (writer.Open())
        {
            // 1. Parameters as arguments, in the client's order; docs from the request overload below, but for the parameters.
            IEnumerable<ParamModel> ordered = ArgumentOrder(method);
            EmitInheritedDocs(writer, name + "(" + request + ")", ordered, cancellable: false);
            writer.Line("public ", item, " ", name, "(", string.Join(", ", Arguments(ordered)), ")");
            using (writer.Open())
            {
                writer.Line("return ", name, "(");
                writer.Indent();
                writer.Line("new ", request);
                using (writer.Open(");"))
                {
                    foreach (ParamModel param in method.Params)
                    {
                        writer.Line(param.PropertyName, " = ", param.ArgumentName, ",");
                    }
                }

                writer.Unindent();
            }

            // 2. The request object.
            writer.Line();
            EmitBatchMethodDocs(writer, method);
            writer.Line("public ", item, " ", name, "(", request, " request)");
            using (writer.Open())
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
                writer.Line("return _batch.Add(", Descriptor(method), ", request);");
            }
        }
    }

    private static void EmitDescriptor(SourceWriter writer, MethodModel method)
    {
        string result = ResultType(method.Result);
        CSharpText.Doc(writer, "summary",
            "How <c>" + method.RestName + "</c> travels: its catalog entry, the body writer and the result reader.");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("internal static class ", method.DescriptorType);
        using (writer.Open())
        {
            writer.Line("public static readonly global::Bitrix24.Bitrix24Method<", method.RequestType, ", ", result, "> Descriptor = new()");
            using (writer.Open(";"))
            {
                writer.Line("Name = ", CSharpText.Literal(method.RestName), ",");
                writer.Line("Summary = ", CSharpText.LiteralOrNull(method.Summary), ",");
                writer.Line("DocsUrl = ", CSharpText.LiteralOrNull(method.DocsUrl), ",");
                writer.Line(method.Scopes.IsEmpty
                    ? "Scopes = global::System.Array.Empty<string>(),"
                    : "Scopes = new string[] { " + string.Join(", ", method.Scopes.Select(CSharpText.Literal)) + " },");
                writer.Line("IsIdempotent = ", (method.IsIdempotent ? "true" : "false"), ",");
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
                                writer.Line("WireName = ", CSharpText.Literal(param.WireName), ",");
                                writer.Line("Name = ", CSharpText.Literal(param.PropertyName), ",");
                                writer.Line("Type = ", ValueCode.Catalog(param.Type), ",");
                                writer.Line("IsRequired = ", (param.IsRequired ? "true" : "false"), ",");
                                writer.Line("Summary = ", CSharpText.LiteralOrNull(param.Summary), ",");
                                if (param.Default is not null)
                                {
                                    writer.Line("Default = ", CSharpText.Literal(param.Default), ",");
                                }
                            }
                        }
                    }
                }

                writer.Line("Result = ", ValueCode.Catalog(method.Result), ",");
                writer.Line("WriteParameters = WriteParameters,");
                writer.Line("ReadResult = ReadResult,");
            }

            writer.Line();
            writer.Line("/// <summary>Writes the parameters as JSON properties with their exact wire names; unset optional ones are left out.</summary>");
            writer.Line("private static void WriteParameters(", JsonWriter, " writer, ", method.RequestType, " request)");
            using (writer.Open())
            {
                EmitWriteParameters(writer, method);
            }

            writer.Line();
            if (method.ResultMember is { } member)
            {
                writer.Line("/// <summary>Reads the value of <c>result</c>: its member <c>", member, "</c>; the reader is on its first token.</summary>");
                writer.Line("private static ", result, " ReadResult(ref ", JsonReader, " reader)");
                using (writer.Open())
                {
                    writer.Line("return global::Bitrix24.Bitrix24Json.ReadMember(ref reader, ", CSharpText.Literal(member), ", ReadValue);");
                }

                writer.Line();
                writer.Line("/// <summary>Reads <c>result.", member, "</c>; the reader is on its first token.</summary>");
                writer.Line("private static ", result, " ReadValue(ref ", JsonReader, " reader)");
            }
            else
            {
                writer.Line("/// <summary>Reads the value of <c>result</c>; the reader is on its first token.</summary>");
                writer.Line("private static ", result, " ReadResult(ref ", JsonReader, " reader)");
            }

            using (writer.Open())
            {
                writer.Line("return ", ValueCode.Read(method.Result, orNull: method.Result.IsNullable, nullStringItems: true), ";");
            }
        }
    }

    /// <summary>
    /// Required parameters first, each refused when null with a message naming its C# property; then the
    /// parameters, in spec order. A member missing inside an object parameter fails there with its path
    /// (<c>fields.properties.name is required by ...</c>); nothing has been sent yet.
    /// </summary>
    private static void EmitWriteParameters(SourceWriter writer, MethodModel method)
    {
        bool hasChecks = false;
        foreach (ParamModel param in method.Params.Where(p => p.IsRequired && !p.Type.IsNullable && p.Type.IsReferenceType))
        {
            hasChecks = true;
            writer.Line("if (request.", param.PropertyName, " is null)");
            using (writer.Open())
            {
                writer.Line("throw new global::System.ArgumentException(" + CSharpText.Literal(
                    param.WireName + " is required by " + method.RestName + "; set " + method.RequestType + "." + param.PropertyName + ".")
                    + ", nameof(request));");
            }
        }

        bool nested = method.Params.Any(p => p.Type.Kind == TypeKind.Object);
        if (hasChecks && !method.Params.IsEmpty)
        {
            writer.Line();
        }

        if (!nested)
        {
            EmitParameterWrites(writer, method, trackFailures: false);
            return;
        }

        writer.Line("string member = \"\";");
        writer.Line("try");
        using (writer.Open())
        {
            EmitParameterWrites(writer, method, trackFailures: true);
        }

        writer.Line("catch (global::System.ArgumentException e)");
        using (writer.Open())
        {
            writer.Line("throw global::Bitrix24.Bitrix24Json.RequiredMemberOf(e, member, ", CSharpText.Literal(method.RestName), ");");
        }
    }

    private static void EmitParameterWrites(SourceWriter writer, MethodModel method, bool trackFailures)
    {
        for (int i = 0; i < method.Params.Count; i++)
        {
            ParamModel param = method.Params[i];
            if (i > 0)
            {
                writer.Line();
            }

            if (trackFailures && param.Type.Kind == TypeKind.Object)
            {
                writer.Line("member = ", CSharpText.Literal(param.WireName), ";");
            }

            bool tracked = MemberCode.IsTracked(param.Type);
            if (param.IsRequired && !tracked)
            {
                // Checked above when it is a reference.
                ValueCode.WriteMember(writer, CSharpText.Literal(param.WireName), "request." + param.PropertyName, param.Type);
            }
            else
            {
                MemberCode.Write(writer, "request", param.PropertyName, param.WireName, param.Type, required: false, tracked);
            }
        }
    }

    /// <summary>
    /// Strings in a result may be null on the wire, alone or in a list (<c>string?</c>,
    /// <c>IReadOnlyList&lt;string?&gt;</c>); a list itself reads null as empty.
    /// </summary>
    private static string ResultType(ValueModel type) =>
        type.Kind == TypeKind.String && type.Container == Container.List ? "global::System.Collections.Generic.IReadOnlyList<string?>"
        : type.Kind == TypeKind.String && type.Container == Container.None ? "string?"
        : type.CSharpType + (type.IsNullable ? "?" : "");

    /// <summary>
    /// The method's descriptor, written in full: the group classes that name it also hold properties
    /// named after method segments, and one of those could otherwise stand for it.
    /// </summary>
    private static string Descriptor(MethodModel method) => "global::" + method.Namespace + "." + method.DescriptorType + ".Descriptor";

    /// <summary>Required parameters first in spec order, then the optional ones.</summary>
    private static IEnumerable<ParamModel> ArgumentOrder(MethodModel method) =>
        method.Params.Where(p => p.IsRequired).Concat(method.Params.Where(p => !p.IsRequired));

    /// <summary>The argument list of the parameter shape: optional arguments default to null.</summary>
    private static IEnumerable<string> Arguments(IEnumerable<ParamModel> ordered) =>
        ordered.Select(p => MemberCode.PropertyType(p.Type, p.IsRequired) + " " + p.ArgumentName + (p.IsRequired ? "" : " = null"));

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

    /// <summary>
    /// The docs of the batch's request overload: the client method's summary, what queuing means, and a
    /// link to the client method for the remarks and errors, which are the bulk of a method's docs.
    /// </summary>
    private static void EmitBatchMethodDocs(SourceWriter writer, MethodModel method)
    {
        writer.Line("/// <inheritdoc cref=\"", method.GroupType, ".", RequestOverload(method), "\" path=\"/summary\"/>");
        writer.Line("/// <remarks>");
        CSharpText.Doc(writer, "para",
            "Queued in the batch: nothing is sent until <see cref=\"global::Bitrix24.Bitrix24Batch.ExecuteAsync\"/>, which sets the "
            + "returned item's result or error. The parameters are read now, when the command is queued.");
        CSharpText.Doc(writer, "para", method.IsIdempotent
            ? "Idempotent: a batch call made only of idempotent commands may be repeated after a failure that left its outcome unknown."
            : "Not idempotent: a batch call holding this command is never repeated once it may have reached the portal.");
        CSharpText.Doc(writer, "para",
            "The method's remarks and the errors the portal documents for it: <see cref=\"" + method.GroupType + "." + RequestOverload(method) + "\"/>.");
        writer.Line("/// </remarks>");
        writer.Line("/// <param name=\"request\">The parameters of the command.</param>");
        CSharpText.Doc(writer, "returns",
            "The queued command: once the batch has run, its <see cref=\"global::Bitrix24.Bitrix24BatchItem{T}.Result\"/> ("
            + CSharpText.Xml(method.ResultSummary ?? "the result").TrimEnd('.') + ") or its <see cref=\"global::Bitrix24.Bitrix24BatchItem.Error\"/>.");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A required parameter is missing; nothing is queued.</exception>");
        writer.Line("/// <exception cref=\"global::System.InvalidOperationException\">The batch has already been executed.</exception>");
    }

    /// <summary>The client's request overload as a cref, whose docs the other call shapes inherit.</summary>
    private static string RequestOverload(MethodModel method) =>
        method.MethodName + "Async(" + method.RequestType + ", " + CancellationToken + ")";

    /// <summary>The summary and remarks of the client's request overload, which the other call shapes inherit.</summary>
    private static void EmitSummaryAndRemarks(SourceWriter writer, MethodModel method)
    {
        CSharpText.Doc(writer, "summary", Summary(method));
        writer.Line("/// <remarks>");
        CSharpText.Doc(writer, "para", MethodFacts(method));
        if (method.Remarks is not null)
        {
            CSharpText.Doc(writer, "para", CSharpText.Xml(method.Remarks));
        }

        CSharpText.Doc(writer, "para", method.IsIdempotent
            ? "Idempotent: the SDK may repeat this call after a failure that left its outcome unknown."
            : "Not idempotent: the SDK never repeats this call once it may have reached the portal.");
        if (!method.Errors.IsEmpty)
        {
            // An app's codes have no Bitrix24ErrorCode member (the SDK's enum cannot grow from an app); the raw code is what to compare.
            writer.Line(method.Errors.All(e => e.MemberName is null)
                ? "/// <para>Errors the portal documents for this method (compare them with <see cref=\"global::Bitrix24.Bitrix24ApiException.Code\"/>):</para>"
                : "/// <para>Errors the portal documents for this method:</para>");
            writer.Line("/// <list type=\"bullet\">");
            foreach (ErrorDocModel error in method.Errors)
            {
                CSharpText.Doc(writer, "item", ErrorItem(error));
            }

            writer.Line("/// </list>");
        }

        if (method.DocsUrl is not null)
        {
            writer.Line("/// <para>Official documentation: <see href=\"", CSharpText.XmlAttribute(method.DocsUrl), "\"/>.</para>");
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

    /// <summary>
    /// <c>&lt;description&gt;</c> of one documented error. The SDK's codes: the enum member, then the wire code
    /// and status. An app's: the wire code, then the status. Built in one reused builder: joined from parts
    /// it made half a dozen strings per error of every method.
    /// </summary>
    private static string ErrorItem(ErrorDocModel error)
    {
        StringBuilder text = s_errorItem ??= new StringBuilder(256);
        text.Clear().Append("<description>");
        if (error.MemberName is null)
        {
            text.Append("<c>").Append(CSharpText.Xml(error.Code)).Append("</c>");
            if (error.Status is { } status)
            {
                text.Append(" (HTTP ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
        }
        else
        {
            text.Append("<see cref=\"global::Bitrix24.Bitrix24ErrorCode.").Append(error.MemberName).Append("\"/> (<c>")
                .Append(CSharpText.Xml(error.Code)).Append("</c>");
            if (error.Status is { } status)
            {
                text.Append(", HTTP ").Append(status.ToString(CultureInfo.InvariantCulture));
            }

            text.Append(')');
        }

        if ((error.When ?? error.Description) is { } when)
        {
            text.Append(": ").Append(CSharpText.Xml(when));
        }

        return text.Append("</description>").ToString();
    }

    [ThreadStatic]
    private static StringBuilder? s_errorItem;

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
        if (param.Type.Kind is TypeKind.Enum or TypeKind.Object)
        {
            bool one = param.Type.Container == Container.None;
            string lead = param.Type.Kind == TypeKind.Enum
                ? (one ? " One of the values of" : " Each item is one of the values of")
                : (one ? " See" : " Each item: see");
            remarks += lead + " <see cref=\"" + param.Type.TypeName + "\"/>.";
        }

        if (param.Type.IsNullable)
        {
            remarks += " May be null: set to null, it is sent as null; left unset, it is not sent.";
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
