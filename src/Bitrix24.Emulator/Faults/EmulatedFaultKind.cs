namespace Bitrix24.Emulator.Faults;

/// <summary>What a scripted fault does to a request.</summary>
public enum EmulatedFaultKind
{
    /// <summary>Answers with a fixed status and body; the method does not run.</summary>
    Reply,

    /// <summary>Waits, then handles the request normally.</summary>
    Delay,

    /// <summary>Drops the connection without an answer; the method does not run.</summary>
    DropConnection,

    /// <summary>Runs the method (its state change happens), then drops the connection before answering.</summary>
    DropAfterProcessing,

    /// <summary>Runs the method, then sends only the first half of its real answer as a complete HTTP response.</summary>
    TruncatedBody,

    /// <summary>Runs the method, sends the headers and half the body, then drops the connection.</summary>
    ResetMidBody,

    /// <summary>Runs the method, sends the headers and half the body, then sends nothing more until the client gives up.</summary>
    StallMidBody,
}
