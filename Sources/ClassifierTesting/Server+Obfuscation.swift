import Classifier
/// Obfuscated copies of a server, for measuring a rule pack on labelled servers written the way evaders write them.
extension Server {
    /// The server with every text a rule reads - name, description, category and channel names, topics and forum
    /// tags - rewritten by `transform` (`𝓵𝓮𝓪𝓴𝓼`, `l.e.a.k.s`, `LeaksPacks`…). Ids and the source stay as they are.
    public func obfuscated(by transform: EvasionTransform) -> Server {
        var copy = self
        copy.name = transform.apply(name)
        copy.description = description.map(transform.apply)
        copy.categories = categories.map { category in
            var renamed = category
            renamed.name = transform.apply(category.name)
            return renamed
        }
        copy.channels = channels.map { channel in
            var renamed = channel
            renamed.name = transform.apply(channel.name)
            renamed.topic = channel.topic.map(transform.apply)
            renamed.tags = channel.tags.map(transform.apply)
            return renamed
        }
        return copy
    }
}
