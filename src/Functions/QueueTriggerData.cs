using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace CustomerFunctions.Functions;

/// <summary>The queue trigger's metadata that src/Core's handlers take (src/Server's pump passes the same values).</summary>
public static class QueueTriggerData
{
    /// <summary>How many times the host has handed out the message, this delivery included (1 when it is not told).</summary>
    public static long DequeueCount(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value)
            && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;
}
