using System.Runtime.InteropServices;

namespace EducationHub.Whistleblowing.Infrastructure;

/// <summary>
/// Lowers the calling thread's scheduling priority. Thread.Priority does nothing on Linux, but
/// there the nice value is per thread: setpriority(PRIO_PROCESS, 0, n) affects only the caller.
/// Raising the nice value needs no privilege.
/// </summary>
internal static class ThreadNice
{
    private const int PrioProcess = 0;

    public static bool TrySetForCurrentThread(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            return true;
        }

        try
        {
            return SetPriority(PrioProcess, 0, nice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc the runtime cannot load (unusual image): run at normal priority rather than fail the thread.
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);
}
