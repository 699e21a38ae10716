export class Queue {
  add(job: string, options: { delay: number }): void {
    void job;
    void options;
  }
  enqueue(job: string, delay: number): void {
    this.add(job, { delay });
  }
}
