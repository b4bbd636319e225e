namespace EducationHub.Grpc.Client;

/// <summary>Cancelling a call from a token's callback: its deadline timer, or the token a caller passed.</summary>
internal static class CallCancellation
{
    /// <summary>
    /// Cancels the call's token source. It runs on whatever thread cancels the other token (for a
    /// deadline, a timer thread, where an exception ends the process), and may run just as the call
    /// is disposed: a disposed call is over, so there is nothing left to cancel.
    /// </summary>
    public static void Cancel(object? callSource)
    {
        try
        {
            ((CancellationTokenSource)callSource!).Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
