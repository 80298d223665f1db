namespace EgressSpecs.Dns.Rewrite;

/// <summary>Which part of the response records an explicit <c>answer</c> option rewrites.</summary>
public enum AnswerField
{
    /// <summary><c>answer name FROM TO</c>: the owner name of each record.</summary>
    Name,

    /// <summary><c>answer value FROM TO</c>: the name a record points to (CNAME target, SRV target, PTR, ...).</summary>
    Value,
}
