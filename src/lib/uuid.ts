/** Whether `id` has the shape of a uuid: anything else is not looked up (a uuid column would refuse it with an error). */
export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
