import type { ActionInput } from '../../src/packs/types.js';
import type { EmbeddedWorldModel } from '../../src/world-model/embedded/embedded-world-model.js';
import type { Future } from '../../src/world-model/world-model.js';
import type { GeneratorContext } from './fake-openai-server.js';

/** Lets the fake OpenAI server answer with the embedded model's futures, so decisions through it mean something. */
export function embeddedGenerator(getModel: () => EmbeddedWorldModel): (ctx: GeneratorContext) => Future {
  return (ctx) => {
    const dm = getModel().model(ctx.domain!);
    const prediction = dm.predict(ctx.state ?? {}, (ctx.action ?? { description: '' }) as ActionInput);
    return dm.sampleFuture(prediction, ctx.seed, ctx.index, ctx.horizon, 0.8);
  };
}
